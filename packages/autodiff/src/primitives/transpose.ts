import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { transposed } from "../equations/expr.js";
import { AutodiffError } from "../errors.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { shifted } from "./batching.js";
import { linear } from "./linear.js";

type TransposeParams = { axes: readonly number[] };

export const transposePrimitive: Primitive<"transpose", TransposeParams> = linear({
  name: "transpose",
  view: true,
  shape: ([x], { axes }) => ({ shape: axes.map((a) => x!.shape[a]!), dtype: x!.dtype }),
  evaluate: ([x], { axes }) => T.transpose(x!, axes),
  vjp: (ct, _primals, _out, { axes }) => [transpose(ct, inverse(axes))],
  // A view: no multiplications.
  batch: ([x], _batched, { axes }) => transpose(x!, [0, ...shifted(axes)]),
  cost: () => free,
  notation: {
    forward: ([x]) => transposed(x!),
    adjoint: (_i, ct) => transposed(ct),
  },
});

function inverse(axes: readonly number[]): number[] {
  const out = new Array<number>(axes.length);
  axes.forEach((a, i) => {
    out[a] = i;
  });
  return out;
}

function checkedAxes(rank: number, axes: readonly number[] | undefined): number[] {
  if (axes === undefined) return Array.from({ length: rank }, (_, i) => rank - 1 - i);
  const normal = axes.map((a) => (a < 0 ? a + rank : a));
  const valid =
    normal.length === rank &&
    new Set(normal).size === rank &&
    normal.every((a) => Number.isInteger(a) && a >= 0 && a < rank);
  if (!valid) {
    throw new AutodiffError(
      "transpose",
      "shape",
      `axes [${axes.join(", ")}] are not a permutation of ${rank} axes`,
    );
  }
  return normal;
}

/** Permutes axes (default: reverses them, so a matrix gets its transpose). */
export function transpose(x: T.Tensor, axes?: readonly number[]): T.Tensor;
export function transpose(x: Value, axes?: readonly number[]): Value;
export function transpose(x: Value, axes?: readonly number[]): Value {
  const order = checkedAxes(x.shape.length, axes);
  if (order.every((a, i) => a === i)) return x;
  return bind(transposePrimitive, [x], { axes: order });
}

/** Moves axis `from` to position `to`, keeping the order of the others (NumPy's `moveaxis`). */
export function moveAxis(x: Value, from: number, to: number): Value {
  const order = Array.from({ length: x.shape.length }, (_, a) => a).filter((a) => a !== from);
  order.splice(to, 0, from);
  return transpose(x, order);
}
