import { describe, expect, it } from "vitest";
import { intRange } from "./domain.js";
import expected from "./fixtures/perceptron.json" with { type: "json" };
import { perceptron } from "./perceptron.js";
import { and, majority, or, predicate, type Target, xor } from "./target.js";
import { truthTable } from "./truth-table.js";
import { verify } from "./verify.js";

const functions: Record<keyof typeof expected, Target> = {
  and2: and,
  or2: or,
  nand2: predicate("nand", (x) => !(x[0] && x[1])),
  majority3: majority,
  xor2: xor,
};

describe("perceptron (against fixtures/perceptron.py)", () => {
  it.each(Object.keys(functions) as (keyof typeof expected)[])(
    "%s: same weights, mistakes and epochs",
    (name) => {
      const reference = expected[name];
      const samples = truthTable(functions[name], reference.arity);
      const result = perceptron(samples);
      expect({
        converged: result.converged,
        weights: result.weights,
        bias: result.bias,
        mistakes: result.mistakes,
        epochs: result.epochs,
      }).toEqual({
        converged: reference.converged,
        weights: reference.weights,
        bias: reference.bias,
        mistakes: reference.mistakes,
        epochs: reference.epochs,
      });
      const verdict = verify(result.unit, functions[name], intRange(0, 1, reference.arity)).status;
      expect(verdict).toBe(reference.converged ? "pass" : "fail");
    },
  );

  it("counts the AND run's first epoch by hand", () => {
    // Order 00, 01, 10, 11 from w = 0, b = 0: 00 → z = 0 ≥ 0 predicts 1, wrong: b = −1;
    // 01 → z = −1, right; 10 → right; 11 → z = −1 predicts 0, wrong: w = (1, 1), b = 0.
    const result = perceptron(truthTable(and, 2), { maxEpochs: 1 });
    expect([result.weights, result.bias, result.mistakes, result.converged]).toEqual([
      [1, 1],
      0,
      2,
      false,
    ]);
  });

  it("truthTable counts in binary with x1 most significant", () => {
    expect(truthTable(xor, 2)).toEqual([
      { input: [0, 0], label: 0 },
      { input: [0, 1], label: 1 },
      { input: [1, 0], label: 1 },
      { input: [1, 1], label: 0 },
    ]);
  });

  it("rejects empty or ragged samples", () => {
    expect(() => perceptron([])).toThrow(
      expect.objectContaining({
        code: "input",
        message: expect.stringContaining(
          "perceptron: samples must be non-empty inputs of one length",
        ),
      }),
    );
    expect(() =>
      perceptron([
        { input: [1], label: 1 },
        { input: [1, 0], label: 0 },
      ]),
    ).toThrow(
      expect.objectContaining({ code: "input", message: expect.stringMatching(/^perceptron:/) }),
    );
  });
});
