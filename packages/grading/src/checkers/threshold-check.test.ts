import { describe, expect, it } from "vitest";
import { fractionOf, list, map, matrix, num, run, text } from "../fixtures/answers.js";
import { thresholdQuestions as homework } from "../hw1/threshold-networks.js";
import { thresholdCheck } from "./threshold-check.js";

const elementInList = thresholdCheck({
  question: homework["1.1"],
  range: [-4, 4],
  form: "one-hidden-layer",
  defaultActivation: "indicator[-1,1]",
});
const handout = {
  W1: matrix([
    [-2, 0, 0, 2],
    [0, -2, 0, 2],
    [0, 0, -2, 2],
  ]),
  b1: num(0),
  W2: list(num(-2), num(-2), num(-2)),
  b2: num(2),
};

describe("thresholdCheck", () => {
  it("verifies the handout's 1.1 network, its φ written as phi", () => {
    expect(fractionOf(run(elementInList, map(handout)))).toBe(1);
    expect(fractionOf(run(elementInList, map({ ...handout, activation: text("phi") })))).toBe(1);
  });

  it("fails a network that computes something else, showing the counterexample", () => {
    const outcome = run(elementInList, map({ ...handout, activation: text("step>=0") }));
    expect(fractionOf(outcome)).toBe(0);
    expect(outcome.feedback).toMatch(/^wrong at x = \[.*\]: expected \d, the network gives \d/);
  });

  it("gives a network graded again the verdict it got first, and another network its own", () => {
    // The box's verdicts are remembered per network: alternating the two must not mix them up.
    const wrong = map({ ...handout, activation: text("step>=0") });
    const first = run(elementInList, wrong);
    for (let i = 0; i < 3; i++) {
      expect(fractionOf(run(elementInList, map(handout)))).toBe(1);
      expect(run(elementInList, wrong)).toEqual(first);
    }
  });

  it("fails a network of the wrong shape and says why", () => {
    const outcome = run(elementInList, map({ ...handout, W2: list(num(1), num(1)) }));
    expect(fractionOf(outcome)).toBe(0);
    expect(outcome.feedback).toContain("2 columns");
  });

  it("reports unreadable parts as invalid", () => {
    expect(run(elementInList, map({ ...handout, activation: text("tanh") })).feedback).toContain(
      'unknown activation spec "tanh"',
    );
    expect(run(elementInList, map({ W1: handout.W1 })).feedback).toBe("the answer is missing 'b1'");
  });

  it("refuses weights too large to verify quickly", () => {
    expect(run(elementInList, map({ ...handout, b2: num(1e300) })).feedback).toBe(
      "weights and biases must be at most 1000000 in magnitude",
    );
  });

  it("refuses networks too large to verify quickly", () => {
    const layers = thresholdCheck({
      question: homework["1.2"],
      range: [-3, 3],
      form: "layers",
      defaultActivation: "indicator[-1,1]",
    });
    const wide = map({
      layers: list(map({ W: matrix(Array.from({ length: 200 }, () => [1, 0, 0, 0, 0, 0])) })),
    });
    expect(run(layers, wide).feedback).toContain("at most 600 are accepted");
  });
});
