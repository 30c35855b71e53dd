import { describe, expect, it } from "vitest";
import { intRange } from "./domain.js";
import { linearSeparability } from "./separability.js";
import { and, majority, or, predicate, xor } from "./target.js";
import { verify } from "./verify.js";

const xnor = predicate("xnor", (x) => x[0] === x[1]);
const nand = predicate("nand", (x) => !(x[0] && x[1]));
const atLeastTwoOfFour = predicate("atLeast2", (x) => Array.from(x).filter(Boolean).length >= 2);

describe("linearSeparability", () => {
  it.each([
    ["xor", xor, 2],
    ["xnor", xnor, 2],
    ["xor of 3", xor, 3],
  ] as const)("%s cannot be computed by one threshold unit", (_, fn, arity) => {
    expect(linearSeparability(fn, arity)).toEqual({ separable: false });
  });

  it.each([
    ["and", and, 2],
    ["or", or, 2],
    ["nand", nand, 2],
    ["majority", majority, 3],
    ["at least 2 of 4", atLeastTwoOfFour, 4],
    ["and of 5", and, 5],
  ] as const)("%s gets integer weights, and the unit verifies", (_, fn, arity) => {
    const result = linearSeparability(fn, arity);
    expect(result.separable).toBe(true);
    if (!result.separable) return;
    expect(result.weights.every(Number.isInteger) && Number.isInteger(result.bias)).toBe(true);
    expect(verify(result.unit, fn, intRange(0, 1, arity)).status).toBe("pass");
  });

  it("finds the smallest weights: and = I(x1 + x2 − 2 ≥ 0), or = I(x1 + x2 − 1 ≥ 0)", () => {
    // By hand: w·x + b ≥ 0 only at (1, 1) and ≤ −1 elsewhere forces w_j ≥ 1 and b ≤ −w1 − w2
    // and b ≥ −w1 − w2 (at (1, 1)), so Σ|w| + |b| ≥ 4, reached by (1, 1), −2.
    expect(linearSeparability(and, 2)).toMatchObject({ weights: [1, 1], bias: -2 });
    expect(linearSeparability(or, 2)).toMatchObject({ weights: [1, 1], bias: -1 });
    expect(linearSeparability(majority, 3)).toMatchObject({ weights: [1, 1, 1], bias: -2 });
  });

  it("takes a plain function and rejects bad arities", () => {
    expect(linearSeparability((x) => x[0] === 1, 1)).toMatchObject({
      separable: true,
      weights: [1],
      bias: -1,
    });
    expect(() => linearSeparability(and, 0)).toThrow(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining("linearSeparability: arity 0 is not in 1..16"),
      }),
    );
  });
});
