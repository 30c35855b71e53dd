import { describe, expect, it } from "vitest";
import { conjunction, disjunction, negation, parallel, selectInputs, sequence } from "./compose.js";
import { intRange } from "./domain.js";
import { evaluate } from "./evaluate.js";
import { network } from "./network.js";
import { and, or, predicate } from "./target.js";
import { verify } from "./verify.js";

/** Fires iff input k of n equals 1 (for 0/1 inputs): φ(2x_k − 2). */
const bit = (k: number, n: number) =>
  network([
    {
      weights: [Array.from({ length: n }, (_, j) => (j === k ? 2 : 0))],
      bias: -2,
      activation: "indicator[-1,1]",
    },
  ]);
const bits = (n: number) => Array.from({ length: n }, (_, k) => bit(k, n));

describe("gates", () => {
  it.each([1, 2, 3, 6])("conjunction of %i bits computes and on {0,1}ⁿ", (n) => {
    expect(verify(conjunction(...bits(n)), and, intRange(0, 1, n)).status).toBe("pass");
  });

  it.each([1, 2, 3, 6, 9])("disjunction of %i bits computes or on {0,1}ⁿ", (n) => {
    expect(verify(disjunction(...bits(n)), or, intRange(0, 1, n)).status).toBe("pass");
  });

  it("uses φ(2Σ − 2k) for AND and exact (2Σ − k − 1)/(k − 1) for OR", () => {
    const andLayer = conjunction(...bits(3)).layers.at(-1)!;
    expect([andLayer.weights[0]!.map(String), String(andLayer.bias[0])]).toEqual([
      ["2", "2", "2"],
      "-6",
    ]);
    const orLayer = disjunction(...bits(6)).layers.at(-1)!;
    expect(orLayer.weights[0]!.map(String)).toEqual(Array(6).fill("2/5"));
    expect(String(orLayer.bias[0])).toBe("-7/5");
  });

  it("negation flips every output", () => {
    const flipped = negation(parallel(bit(0, 2), bit(1, 2)));
    expect(evaluate(flipped, [1, 0])).toEqual([0, 1]);
    expect(
      verify(
        negation(conjunction(...bits(2))),
        predicate("nand", (x) => !(x[0] && x[1])),
        intRange(0, 1, 2),
      ).status,
    ).toBe("pass");
  });

  it("refuses outputs that are not 0/1, naming the unit", () => {
    const linear = network([{ weights: [[1]], activation: "identity" }]);
    expect(() => conjunction(linear)).toThrow(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining(
          "conjunction: layer 1, unit 1: output activation identity is not 0/1-valued",
        ),
      }),
    );
  });
});

describe("sequence, parallel, selectInputs", () => {
  it("parallel pads the shallower network with identity layers", () => {
    const deep = sequence(bit(0, 2), network([{ weights: [[1]], activation: "identity" }]));
    const both = parallel(deep, bit(1, 2));
    expect(both.layers).toHaveLength(2);
    expect(both.layers.map((l) => l.name)).toEqual([undefined, undefined]);
    expect(both.layers[1]!.activations.map((a) => a.kind)).toEqual(["identity", "identity"]);
    for (const x of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ])
      expect(evaluate(both, x)).toEqual(x);
  });

  it("selectInputs feeds a module from chosen outer inputs (repeats add up)", () => {
    const difference = network([{ weights: [[1, -1]], activation: "identity" }]);
    expect(evaluate(selectInputs(difference, [2, 0], 3), [10, 20, 35])).toEqual([25]);
    const twice = network([{ weights: [[1, 1]], activation: "identity" }]);
    expect(evaluate(selectInputs(twice, [1, 1], 2), [5, 7])).toEqual([14]);
  });

  it("names the mismatch", () => {
    expect(() => sequence(bit(0, 2), bit(0, 2))).toThrow(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining(
          "sequence: network 2: expects 2 inputs but network 1 has 1 outputs",
        ),
      }),
    );
    expect(() => parallel(bit(0, 2), bit(0, 3))).toThrow(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining(
          "parallel: network 2: expects 3 inputs but network 1 expects 2",
        ),
      }),
    );
    expect(() => selectInputs(bit(0, 2), [0], 2)).toThrow(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("selectInputs: 1 sources for a network with 2 inputs"),
      }),
    );
    expect(() => selectInputs(bit(0, 2), [0, 5], 2)).toThrow(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("selectInputs: source 2 is 5, not in 0..1"),
      }),
    );
    expect(() => conjunction()).toThrow(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining("conjunction: needs a network"),
      }),
    );
  });
});
