import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { call, hadamard, minus } from "../equations/expr.js";
import type { UnaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import { normalizeAxes } from "../shapes.js";
import type { Value } from "../tracer.js";
import { floatUnaryShape } from "./elementwise.js";
import { exp } from "./exp.js";
import { mul } from "./mul.js";
import { sub } from "./sub.js";
import { sum } from "./sum-broadcast.js";

type LogSoftmaxParams = { axis: number };

export const logSoftmaxPrimitive: Primitive<"logSoftmax", LogSoftmaxParams> = {
  name: "logSoftmax",
  saves: ["output"],
  shape: floatUnaryShape,
  evaluate([x], { axis }) {
    const shifted = T.sub(x!, T.max(x!, axis, true));
    return T.sub(shifted, T.log(T.sum(T.exp(shifted), axis, true)));
  },
  // d log softmax(x) · t = t − Σ softmax(x) ⊙ t
  jvp: (_primals, [t], out, { axis }) => sub(t!, sum(mul(exp(out), t!), axis, true)),
  vjp: (ct, _primals, out, { axis }) => [sub(ct, mul(exp(out), sum(ct, axis, true)))],
  // Subtractions, exp and log only: no multiplications counted.
  batch: ([x], _batched, { axis }) => bind(logSoftmaxPrimitive, [x!], { axis: axis + 1 }),
  cost: () => free,
  notation: {
    forward: ([x]) => call("logSoftmax", "\\log\\operatorname{softmax}", x!),
    adjoint: (_i, ct, [x]) =>
      minus(ct, hadamard(call("softmax", "\\operatorname{softmax}", x!), call("Σ", "\\sum", ct))),
  },
};

/** log(softmax(x)) along `axis` (default: the last), computed stably. */
export const logSoftmax = ((x: Value, axis = -1): Value => {
  const [a] = normalizeAxes("logSoftmax", axis, x.shape.length);
  return bind(logSoftmaxPrimitive, [x], { axis: a! });
}) as UnaryOp<[axis?: number]>;
