import { allclose, tensor } from "@nnkit/tensor";
import { describe, expect, it } from "vitest";
import fixture from "../fixtures/regression.json" with { type: "json" };
import { evaluateTensor } from "./evaluate-tensor.js";
import { parseMath } from "./parse-math.js";

// Values from NumPy (src/fixtures/regression.py): lstsq and pinv, not the formulas evaluated here.
function evaluate(
  input: string,
  data: { X: number[][]; t: number[][]; w?: number[][]; n?: number },
) {
  const values = new Map([
    ["X", tensor(data.X)],
    ["t", tensor(data.t)],
    ...(data.w ? [["w", tensor(data.w)] as const] : []),
    ...(data.n ? [["n", tensor(data.n)] as const] : []),
  ]);
  const parsed = parseMath(input, { symbols: [...values.keys()], kind: "tensor" });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const result = evaluateTensor(parsed.expr, { values });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe("linear-regression formulas against NumPy", () => {
  it("3.1: (2/n) Xᵀ(Xw − t) is the gradient", () => {
    expect(
      allclose(evaluate("\\frac{2}{n} X^\\top (Xw - t)", fixture.tall), tensor(fixture.gradient)),
    ).toBe(true);
  });

  it("3.2: (XᵀX)⁻¹Xᵀt is numpy.linalg.lstsq's solution when d < n", () => {
    expect(
      allclose(evaluate("(X^T X)^{-1} X^T t", fixture.tall), tensor(fixture.least_squares)),
    ).toBe(true);
  });

  it("3.3.2: Xᵀ(XXᵀ)⁻¹t is numpy.linalg.pinv's minimum-norm solution when d > n", () => {
    expect(
      allclose(evaluate("X^T (X X^T)^{-1} t", fixture.wide), tensor(fixture.minimum_norm)),
    ).toBe(true);
  });
});
