import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { call } from "../equations/expr.js";
import type { Primitive } from "../primitive.js";
import { normalizeAxes } from "../shapes.js";
import type { Value } from "../tracer.js";
import { broadcastTo } from "./broadcast.js";
import { reshape } from "./reshape.js";

type SumParams = { axes: readonly number[]; keepdims: boolean };

export const sumPrimitive: Primitive<SumParams> = {
  name: "sum",
  shape([x], { axes, keepdims }) {
    const shape = keepdims
      ? x!.shape.map((d, i) => (axes.includes(i) ? 1 : d))
      : x!.shape.filter((_, i) => !axes.includes(i));
    return { shape, dtype: x!.dtype === "bool" ? "int32" : x!.dtype };
  },
  evaluate: ([x], { axes, keepdims }) => T.sum(x!, [...axes], keepdims),
  jvp: (_primals, [t], _out, params) => bind(sumPrimitive, [t!], params),
  vjp(ct, [x], _out, { axes }) {
    const kept = x!.shape.map((d, i) => (axes.includes(i) ? 1 : d));
    return [broadcastTo(reshape(ct, kept), x!.shape)];
  },
  // Additions only.
  cost: () => free,
  notation: {
    forward: ([x]) => call("Σ", "\\sum", x!),
    adjoint: (_i, ct) => ct,
  },
};

/** Sum over `axis` (default: all axes), optionally keeping reduced axes as size 1. */
export function sum(x: T.Tensor, axis?: number | readonly number[], keepdims?: boolean): T.Tensor;
export function sum(x: Value, axis?: number | readonly number[], keepdims?: boolean): Value;
export function sum(x: Value, axis?: number | readonly number[], keepdims = false): Value {
  const axes = normalizeAxes("sum", axis, x.shape.length);
  return bind(sumPrimitive, [x], { axes, keepdims });
}
