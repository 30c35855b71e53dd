import * as T from "@nnkit/tensor";
import { bind, scalar } from "../bind.js";
import { perEntry } from "../cost.js";
import { concreteShape, type Dim, formatDim } from "../dims.js";
import { atom, type Expr, times } from "../equations/expr.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { floatUnaryShape } from "./elementwise.js";
import { linear } from "./linear.js";

/** x · factor / Π divisors, where the divisors may be symbolic sizes (as in a mean over n). */
type ScaleParams = { factor: number; divisors: readonly Dim[] };

function factorExpr({ factor, divisors }: ScaleParams): Expr {
  if (divisors.length === 0) return atom(String(factor));
  const below = divisors.map(formatDim).join("·");
  const den = divisors.length > 1 ? `(${below})` : below;
  return atom(`${factor}/${den}`, `\\frac{${factor}}{${divisors.map(formatDim).join(" ")}}`);
}

export const scalePrimitive: Primitive<"scale", ScaleParams> = linear({
  name: "scale",
  shape: floatUnaryShape,
  evaluate([x], { factor, divisors }) {
    const by = factor / concreteShape("scale", divisors).reduce((p, d) => p * d, 1);
    return T.mul(x!, scalar(by, x!.dtype === "float32" ? "float32" : "float64"));
  },
  vjp: (ct, _primals, _out, params) => [bind(scalePrimitive, [ct], params)],
  // One multiplication per entry.
  // Entry by entry: the batch axis is one more leading axis.
  batch: ([x], _batched, params) => bind(scalePrimitive, [x!], params),
  cost: (_inputs, output) => perEntry(output.shape),
  notation: {
    forward: ([x], params) => times(factorExpr(params), x!),
    adjoint: (_i, ct, _inputs, _out, params) => times(factorExpr(params), ct),
  },
});

/** x · factor / Π divisors (the divisors may be symbolic sizes). */
export function scale(x: T.Tensor, factor: number, divisors?: readonly Dim[]): T.Tensor;
export function scale(x: Value, factor: number, divisors?: readonly Dim[]): Value;
export function scale(x: Value, factor: number, divisors: readonly Dim[] = []): Value {
  return bind(scalePrimitive, [x], { factor, divisors: [...divisors] });
}
