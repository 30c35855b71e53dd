import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import type { GraphBuilder } from "../builder.js";
import { free } from "../cost.js";
import { concreteShape, type Dim, formatShape, shapesEqual } from "../dims.js";
import { AutodiffError } from "../errors.js";
import type { Primitive } from "../primitive.js";
import { broadcastShapes } from "../shapes.js";
import type { Value } from "../tracer.js";
import { unbroadcast } from "./elementwise.js";

type BroadcastParams = { shape: readonly Dim[] };

export const broadcastPrimitive: Primitive<BroadcastParams> = {
  name: "broadcast",
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
  jvp: (_primals, [t], _out, { shape }) => broadcastTo(t!, shape),
  vjp: (ct, [x]) => [unbroadcast(ct, x!.shape)],
  // A view: no multiplications.
  cost: () => free,
  // Broadcasting is implicit in hand derivations.
  notation: {
    forward: ([x]) => x!,
    adjoint: (_i, ct) => ct,
  },
};

/** `x` repeated along new or size-1 axes to `shape` (NumPy broadcasting). */
export function broadcastTo(x: T.Tensor, shape: readonly Dim[]): T.Tensor;
export function broadcastTo(x: Value, shape: readonly Dim[], into?: GraphBuilder): Value;
export function broadcastTo(x: Value, shape: readonly Dim[], into?: GraphBuilder): Value {
  if (!into && shapesEqual(x.shape, shape)) return x;
  return bind(broadcastPrimitive, [x], { shape: [...shape] }, into);
}
