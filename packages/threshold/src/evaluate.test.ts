import { describe, expect, it } from "vitest";
import { evaluate, trace } from "./evaluate.js";
import { memberOfThree, neverFires } from "./fixtures/example-networks.js";
import { network } from "./network.js";

describe("evaluate", () => {
  it("computes the membership network by hand", () => {
    // x = (3, 5, 7, 5): h = φ(2·(5−3)), φ(0), φ(2·(5−7)) = 0, 1, 0; y = φ(2 − 2) = 1.
    expect(evaluate(memberOfThree, [3, 5, 7, 5])).toEqual([1]);
    // x = (3, 5, 7, 4): h = φ(2), φ(−2), φ(−6) = 0; y = φ(2) = 0.
    expect(evaluate(memberOfThree, [3, 5, 7, 4])).toEqual([0]);
  });

  it("traces every layer exactly", () => {
    const t = trace(neverFires, [0, -1, 1, 0]);
    expect(t.layers.map((l) => l.preActivation.map(String))).toEqual([["0", "2", "-2"], ["-4"]]);
    expect(t.layers.map((l) => l.activation.map(String))).toEqual([["1", "0", "0"], ["0"]]);
    expect(t.layers.map((l) => l.name)).toEqual(["equalities", "output"]);
  });

  it("lands exactly on the interval ends with fractional weights", () => {
    // z = (2/5)·Σx − 7/5 with six ones: exactly 1, so φ fires. Doubles summed from the bias
    // give 1.0000000000000002, outside [−1, 1].
    const or6 = network([
      { weights: [[0.4, 0.4, 0.4, 0.4, 0.4, 0.4]], bias: -1.4, activation: "indicator[-1,1]" },
    ]);
    const floatZ = [1, 1, 1, 1, 1, 1].reduce((z, x) => z + 0.4 * x, -1.4);
    expect(floatZ).toBeGreaterThan(1);
    expect(evaluate(or6, [1, 1, 1, 1, 1, 1])).toEqual([1]);
    expect(trace(or6, [1, 1, 1, 1, 1, 1]).layers[0]!.preActivation.map(String)).toEqual(["1"]);
    expect(evaluate(or6, [1, 0, 0, 0, 0, 0])).toEqual([1]); // z = −1 exactly
    expect(evaluate(or6, [0, 0, 0, 0, 0, 0])).toEqual([0]); // z = −7/5
  });

  it("accepts exact text inputs and returns rational values in the trace", () => {
    const half = network([{ weights: [[1, "1/3"]], activation: "identity" }]);
    expect(trace(half, ["1/2", 1]).output.map(String)).toEqual(["5/6"]);
    expect(evaluate(half, [3, 3])).toEqual([4]);
  });

  it("rejects a wrong number of inputs or a non-number input", () => {
    expect(() => evaluate(memberOfThree, [1, 2, 3])).toThrow(
      "evaluate: network expects 4 inputs (layer 1 has 4 weight columns), got 3",
    );
    expect(() => evaluate(memberOfThree, [1, 2, 3, Number.NaN])).toThrow(
      /^evaluate: input x4: NaN is not a finite number/,
    );
  });
});
