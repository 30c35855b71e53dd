import { evaluate, fromJSON, type Network, toJSON } from "@nnkit/threshold";
import { describe, expect, it } from "vitest";
import type { AnswerValue } from "../answers/answer-value.js";
import { fractionOf, list, map, num, run, text } from "../fixtures/answers.js";
import {
  elementInList,
  elementInListTolerant,
  thresholdQuestions as homework,
  permutationByEquality,
  permutationByModules,
} from "../hw1/threshold-networks.js";
import { thresholdCheck } from "./threshold-check.js";

// The solver decides what the box cannot: these networks are right on the enumerated box and
// wrong outside it (issue 11 §1), and the references are proved over all integers.

const q11 = (solverTimeoutMs?: number) =>
  thresholdCheck({
    question: homework["1.1"],
    range: [-4, 4],
    form: "one-hidden-layer",
    defaultActivation: "indicator[-1,1]",
    ...(solverTimeoutMs === undefined ? {} : { solverTimeoutMs }),
  });
const q12 = (solverTimeoutMs?: number) =>
  thresholdCheck({
    question: homework["1.2"],
    range: [-3, 3],
    form: "layers",
    defaultActivation: "indicator[-1,1]",
    ...(solverTimeoutMs === undefined ? {} : { solverTimeoutMs }),
  });

const weight = (w: number | string): AnswerValue => (typeof w === "number" ? num(w) : text(w));
const rows = (ws: readonly (readonly (number | string)[])[]) =>
  list(...ws.map((row) => list(...row.map(weight))));

/** A two-layer network as 1.1's W1, b1, W2, b2 answer. */
function hiddenLayerAnswer(net: Network, activation = "indicator[-1,1]"): AnswerValue {
  const [hidden, output] = toJSON(net).layers;
  return map({
    W1: rows(hidden!.weights),
    b1: list(...hidden!.bias.map(weight)),
    W2: list(...output!.weights[0]!.map(weight)),
    b2: weight(output!.bias[0]!),
    activation: text(activation),
  });
}

/** Any network as 1.2's list of layers. */
function layersAnswer(net: Network): AnswerValue {
  return map({
    layers: list(
      ...toJSON(net).layers.map((layer) =>
        map({
          W: rows(layer.weights),
          b: list(...layer.bias.map(weight)),
          activation: Array.isArray(layer.activation)
            ? list(...(layer.activation as string[]).map(text))
            : text(layer.activation as string),
        }),
      ),
    ),
  });
}

/** φ(z) = 1 iff |z| ≤ 1, on exact tenths/hundredths: z is given scaled by 100 as an integer. */
const phi100 = (z100: number) => (Math.abs(z100) <= 100 ? 1 : 0);

/** The counterexample input of a refuted outcome, as integers. */
function counterexampleOf(outcome: ReturnType<typeof run>): number[] {
  const item = outcome.items[0]!;
  expect(item.counterexample?.kind).toBe("input");
  return item.counterexample!.kind === "input" ? item.counterexample!.input.map(Number) : [];
}

describe("thresholdCheck decides over all integers", () => {
  it("proves the handout's and the tolerant 1.1 networks, saying so", () => {
    for (const net of [elementInList, elementInListTolerant]) {
      const outcome = run(q11(), hiddenLayerAnswer(net));
      expect(outcome.status).toBe("graded");
      expect(fractionOf(outcome)).toBe(1);
      expect(outcome.items[0]!.scope).toEqual({
        kind: "proof",
        domain: "all integer inputs",
        assumptions: ["x1, x2, x3 distinct"],
      });
      expect(outcome.feedback).toBe(
        "correct: proved for all integer inputs with x1, x2, x3 distinct",
      );
    }
  });

  it("proves both reference 1.2 designs", () => {
    const check = q12();
    for (const net of [permutationByEquality, permutationByModules]) {
      const outcome = run(check, layersAnswer(net));
      expect(outcome.feedback).toMatch(/^correct: proved for all integer inputs/);
      expect(fractionOf(outcome)).toBe(1);
    }
  });

  it("refuses row [-2, 0.2, 0, 2] at a small input outside the box", () => {
    const answer = map({
      W1: list(
        list(num(-2), text("0.2"), num(0), num(2)),
        list(num(0), num(-2), num(0), num(2)),
        list(num(0), num(0), num(-2), num(2)),
      ),
      b1: num(0),
      W2: list(num(-2), num(-2), num(-2)),
      b2: num(2),
    });
    const outcome = run(q11(), answer);
    expect(fractionOf(outcome)).toBe(0);
    const x = counterexampleOf(outcome);
    // Outside the box −4..4, but small (the solver's minimum of max |x_i|).
    expect(Math.max(...x.map(Math.abs))).toBeGreaterThan(4);
    expect(Math.max(...x.map(Math.abs))).toBeLessThanOrEqual(10);
    // By hand: h1 = φ(−2x1 + 0.2x2 + 2x4), h2 = φ(2x4 − 2x2), h3 = φ(2x4 − 2x3), y = φ(2 − 2Σh).
    const [x1, x2, x3, x4] = x as [number, number, number, number];
    const h = [
      phi100(-200 * x1 + 20 * x2 + 200 * x4),
      phi100(200 * (x4 - x2)),
      phi100(200 * (x4 - x3)),
    ];
    const y = phi100(200 - 200 * (h[0]! + h[1]! + h[2]!));
    const target = x4 === x1 || x4 === x2 || x4 === x3 ? 1 : 0;
    expect(new Set([x1, x2, x3]).size).toBe(3); // the question's assumption holds there
    expect(y).not.toBe(target);
    expect(outcome.feedback).toMatch(/^wrong at x = \[/);
  });

  it("refuses a unit computing 2.15·x4 − 2·x3: it misses x3 = x4 once |x4| ≥ 7", () => {
    const answer = map({
      W1: list(
        list(num(-2), num(0), num(0), num(2)),
        list(num(0), num(-2), num(0), num(2)),
        list(num(0), num(0), num(-2), text("2.15")),
      ),
      b1: num(0),
      W2: list(num(-2), num(-2), num(-2)),
      b2: num(2),
    });
    const outcome = run(q11(), answer);
    expect(fractionOf(outcome)).toBe(0);
    const [x1, x2, x3, x4] = counterexampleOf(outcome) as [number, number, number, number];
    const h = [phi100(200 * (x4 - x1)), phi100(200 * (x4 - x2)), phi100(215 * x4 - 200 * x3)];
    const y = phi100(200 - 200 * (h[0]! + h[1]! + h[2]!));
    const target = x4 === x1 || x4 === x2 || x4 === x3 ? 1 : 0;
    expect(y).not.toBe(target);
    // 0.15·|x4| > 1 needs |x4| ≥ 7: the smallest such miss has max |x_i| = 7.
    expect(Math.max(...[x1, x2, x3, x4].map(Math.abs))).toBe(7);
  });

  it("refuses a 1.2 equality unit that also weighs x2 by 0.25 at a small input outside the box", () => {
    const json = toJSON(permutationByEquality);
    const first = json.layers[0]!;
    const weights = first.weights.map((row, unit) =>
      unit === 0 ? [row[0]!, "0.25", ...row.slice(2)] : row,
    );
    const leaky = { ...json, layers: [{ ...first, weights }, ...json.layers.slice(1)] };
    const answer = map({
      layers: list(
        ...leaky.layers.map((layer) =>
          map({
            W: rows(layer.weights),
            b: list(...layer.bias.map(weight)),
            activation: text(layer.activation as string),
          }),
        ),
      ),
    });
    // On a loaded machine minimising takes seconds: a generous time-out keeps this test decided.
    const outcome = run(q12(15_000), answer);
    expect(outcome.feedback).toMatch(/^wrong at x = \[/);
    expect(fractionOf(outcome)).toBe(0);
    const x = counterexampleOf(outcome);
    // The smallest is max |x_i| = 4 (x = [2, 4, 0, 1, 4, 0]: −2·2 + 0.25·4 + 2·1 = −1 fires x1 = x4).
    expect(Math.max(...x.map(Math.abs))).toBeGreaterThanOrEqual(4);
    expect(Math.max(...x.map(Math.abs))).toBeLessThanOrEqual(20);
    // Exact evaluation of the leaky network against the target computed by hand.
    const sorted = (v: number[]) => [...v].sort((a, b) => a - b).join();
    const target = sorted(x.slice(0, 3)) === sorted(x.slice(3)) ? 1 : 0;
    expect(evaluate(fromJSON(leaky), x)).not.toEqual([target]);
  });

  it("sends an answer the solver cannot decide in time to review, naming the box", () => {
    const outcome = run(q12(1), layersAnswer(permutationByEquality));
    expect(outcome.status).toBe("review");
    expect(outcome.items[0]!.scope).toMatchObject({ kind: "enumerated", box: { lo: -3, hi: 3 } });
    expect(outcome.feedback).toMatch(
      /left for a person to grade \(enumerated -3\.\.3: \d+ inputs\)/,
    );
  });

  it("sends an answer to review when the solver's counted work runs out, however long it may take", () => {
    const check = thresholdCheck({
      question: homework["1.2"],
      range: [-3, 3],
      form: "layers",
      defaultActivation: "indicator[-1,1]",
      solverWorkLimit: 1000,
      solverTimeoutMs: 60_000,
    });
    const outcome = run(check, layersAnswer(permutationByEquality));
    expect(outcome.status).toBe("review");
    expect(JSON.stringify(outcome)).toContain("work limit");
    expect(JSON.stringify(outcome)).not.toContain("timeout");
  });

  it("decides a network once per check: the second grading is a cache hit", () => {
    const check = q11();
    run(check, hiddenLayerAnswer(elementInList));
    run(check, hiddenLayerAnswer(elementInList, "phi"));
    expect(check.decisions).toEqual({ solved: 1, cached: 1 });
  });
});
