import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { perEntry } from "../cost.js";
import { call, hadamard, minus } from "../equations/expr.js";
import type { UnaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import { normalizeAxes } from "../shapes.js";
import type { Value } from "../tracer.js";
import { floatUnaryShape } from "./elementwise.js";
import { mul } from "./mul.js";
import { sub } from "./sub.js";
import { sum } from "./sum-broadcast.js";

type SoftmaxParams = { axis: number };

/** (∂y'/∂y)ᵀ v = y' ⊙ (v − Σ y' ⊙ v) along the axis, for y' = softmax(y). */
function softmaxProduct(v: Value, out: Value, axis: number): Value {
  return mul(out, sub(v, sum(mul(v, out), axis, true)));
}

export const softmaxPrimitive: Primitive<"softmax", SoftmaxParams> = {
  name: "softmax",
  saves: ["output"],
  shape: floatUnaryShape,
  evaluate([x], { axis }) {
    // Shift by the maximum so exp cannot overflow.
    const e = T.exp(T.sub(x!, T.max(x!, axis, true)));
    return T.div(e, T.sum(e, axis, true));
  },
  jvp: (_primals, [t], out, { axis }) => softmaxProduct(t!, out, axis),
  vjp: (ct, _primals, out, { axis }) => [softmaxProduct(ct, out, axis)],
  // exp is not counted; normalising divides once per entry.
  batch: ([x], _batched, { axis }) => bind(softmaxPrimitive, [x!], { axis: axis + 1 }),
  cost: (_inputs, output) => perEntry(output.shape),
  notation: {
    forward: ([x]) => call("softmax", "\\operatorname{softmax}", x!),
    adjoint: (_i, ct, _inputs, out) =>
      hadamard(out, minus(ct, call("Σ", "\\sum", hadamard(out, ct)))),
  },
};

/** exp(x) / Σ exp(x) along `axis` (default: the last). */
export const softmax = ((x: Value, axis = -1): Value => {
  const [a] = normalizeAxes("softmax", axis, x.shape.length);
  return bind(softmaxPrimitive, [x], { axis: a! });
}) as UnaryOp<[axis?: number]>;
