import * as T from "@nnkit/tensor";
import { bind, scalar } from "../bind.js";
import { free } from "../cost.js";
import { hadamard, num, power, times } from "../equations/expr.js";
import { AutodiffError } from "../errors.js";
import type { UnaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { floatUnaryShape } from "./elementwise.js";
import { mul } from "./mul.js";
import { power as tensorPower } from "./power.js";
import { elementwiseJvp } from "./rules.js";

type PowParams = { exponent: number };

export const powPrimitive: Primitive<"pow", PowParams> = {
  name: "pow",
  saves: [0],
  shape: floatUnaryShape,
  evaluate: ([x], { exponent }) =>
    T.pow(x!, scalar(exponent, x!.dtype === "float32" ? "float32" : "float64")),
  // x⁰ is constant: its derivative is zero, not 0·x⁻¹ (which is NaN at 0).
  jvp: elementwiseJvp<PowParams>((t, [x], _out, { exponent }) =>
    exponent === 0 ? null : mul(t, derivative(x!, exponent)),
  ),
  vjp: (ct, [x], _out, { exponent }) => [exponent === 0 ? null : mul(ct, derivative(x!, exponent))],
  // A general power is a transcendental function, not counted (use square for x²).
  // Entry by entry: the batch axis is one more leading axis.
  batch: ([x], _batched, params) => bind(powPrimitive, [x!], params),
  cost: () => free,
  notation: {
    forward: ([x], { exponent }) => power(x!, exponent),
    adjoint: (_i, ct, [x], _out, { exponent }) =>
      hadamard(times(num(exponent), power(x!, exponent - 1)), ct),
  },
};

/** p·x^(p−1), itself a power so that it differentiates again. */
function derivative(x: Value, exponent: number): Value {
  return mul(pow(x, exponent - 1), exponent);
}

/**
 * x^p elementwise. A number p is a constant exponent (the `pow` primitive); a tensor exponent is
 * the binary `power` primitive, differentiable in both x and p.
 */
export const pow = ((x: Value, exponent: number | Value): Value => {
  if (typeof exponent !== "number") return tensorPower(x, exponent);
  if (!Number.isFinite(exponent)) {
    throw new AutodiffError("pow", "argument", `exponent must be a finite number, got ${exponent}`);
  }
  return bind(powPrimitive, [x], { exponent });
}) as UnaryOp<[exponent: number]> & UnaryOp<[exponent: Value]>;
