// Summing over axes and broadcasting along them are each other's adjoint: the VJP of `sum` is a
// broadcast and the VJP of `broadcast` is a sum. Rules of two primitives that call each other
// live in one file, so the primitives import each other in one direction only.
import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { concreteShape, type Dim, dimEquals, formatShape, shapesEqual } from "../dims.js";
import { call } from "../equations/expr.js";
import { AutodiffError } from "../errors.js";
import type { Primitive } from "../primitive.js";
import { broadcastShapes, normalizeAxes } from "../shapes.js";
import type { GraphBuilder, Value } from "../tracer.js";
import { alignBatched, shifted } from "./batching.js";
import { linear } from "./linear.js";
import { reshape } from "./reshape.js";

type SumParams = { axes: readonly number[]; keepdims: boolean };

export const sumPrimitive: Primitive<"sum", SumParams> = linear({
  name: "sum",
  shape([x], { axes, keepdims }) {
    const shape = keepdims
      ? x!.shape.map((d, i) => (axes.includes(i) ? 1 : d))
      : x!.shape.filter((_, i) => !axes.includes(i));
    return { shape, dtype: x!.dtype === "bool" ? "int32" : x!.dtype };
  },
  evaluate: ([x], { axes, keepdims }) => T.sum(x!, [...axes], keepdims),
  vjp(ct, [x], _out, { axes }) {
    const kept = x!.shape.map((d, i) => (axes.includes(i) ? 1 : d));
    return [broadcastTo(reshape(ct, kept), x!.shape)];
  },
  batch: ([x], _batched, { axes, keepdims }) =>
    bind(sumPrimitive, [x!], { axes: shifted(axes), keepdims }),
  // Additions only.
  cost: () => free,
  notation: {
    forward: ([x]) => call("Σ", "\\sum", x!),
    adjoint: (_i, ct) => ct,
  },
});

/** Sum over `axis` (default: all axes), optionally keeping reduced axes as size 1. */
export function sum(x: T.Tensor, axis?: number | readonly number[], keepdims?: boolean): T.Tensor;
export function sum(x: Value, axis?: number | readonly number[], keepdims?: boolean): Value;
export function sum(x: Value, axis?: number | readonly number[], keepdims = false): Value {
  const axes = normalizeAxes("sum", axis, x.shape.length);
  return bind(sumPrimitive, [x], { axes, keepdims });
}

type BroadcastParams = { shape: readonly Dim[] };

export const broadcastPrimitive: Primitive<"broadcast", BroadcastParams> = linear({
  name: "broadcast",
  view: true,
  shape([x], { shape }) {
    const out = broadcastShapes("broadcastTo", x!.shape, shape);
    if (!shapesEqual(out, shape)) {
      throw new AutodiffError(
        "broadcastTo",
        "shape",
        `cannot broadcast ${formatShape(x!.shape)} to ${formatShape(shape)}`,
      );
    }
    return { shape, dtype: x!.dtype };
  },
  evaluate: ([x], { shape }) => T.broadcastTo(x!, concreteShape("broadcastTo", shape)),
  vjp: (ct, [x]) => [unbroadcast(ct, x!.shape)],
  batch: ([x], _batched, { shape }) =>
    broadcastTo(alignBatched(x!, shape.length), [x!.shape[0]!, ...shape]),
  // A view: no multiplications.
  cost: () => free,
  // Broadcasting is implicit in hand derivations.
  notation: {
    forward: ([x]) => x!,
    adjoint: (_i, ct) => ct,
  },
});

/** `x` repeated along new or size-1 axes to `shape` (NumPy broadcasting). */
export function broadcastTo(x: T.Tensor, shape: readonly Dim[]): T.Tensor;
export function broadcastTo(x: Value, shape: readonly Dim[], into?: GraphBuilder): Value;
export function broadcastTo(x: Value, shape: readonly Dim[], into?: GraphBuilder): Value {
  if (!into && shapesEqual(x.shape, shape)) return x;
  return bind(broadcastPrimitive, [x], { shape: [...shape] }, into);
}

/** The axes of `shape` that broadcasting to `full` added (leading) or stretched (size 1). */
export function broadcastAxes(shape: readonly Dim[], full: readonly Dim[]): number[] {
  const lead = full.length - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < full.length; i++) {
    if (i < lead || (shape[i - lead] === 1 && !dimEquals(full[i]!, 1))) axes.push(i);
  }
  return axes;
}

/**
 * The adjoint of broadcasting: sums a cotangent over the axes that broadcasting added or
 * stretched, so it gets back the operand's `shape`.
 */
export function unbroadcast(ct: Value, shape: readonly Dim[]): Value {
  if (shapesEqual(ct.shape, shape)) return ct;
  const axes = broadcastAxes(shape, ct.shape);
  const summed = axes.length > 0 ? sum(ct, axes, true) : ct;
  return reshape(summed, shape);
}

/** `x` as a batched value (batch along axis 0): shared values are repeated `size` times, a view. */
export function withBatch(x: Value, batched: boolean, size: Dim): Value {
  return batched ? x : broadcastTo(x, [size, ...x.shape]);
}

/** A tangent brought to the output's shape. */
export function spread(t: Value, shape: readonly Dim[]): Value {
  return shapesEqual(t.shape, shape) ? t : broadcastTo(t, shape);
}
