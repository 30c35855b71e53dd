import * as T from "@nnkit/tensor";
import { bind, scalar } from "../bind.js";
import { free } from "../cost.js";
import { call, hadamard } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { UnaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { gt } from "./compare.js";
import { sameShape } from "./elementwise.js";
import { elementwiseJvp } from "./rules.js";
import { where } from "./where.js";

export const reluPrimitive: Primitive<"relu"> = {
  name: "relu",
  saves: [0],
  shape: sameShape,
  evaluate: ([x]) => T.maximum(x!, scalar(0, x!.dtype)),
  // ReLU'(z) = I(z > 0), taking 0 at the kink.
  jvp: elementwiseJvp((t, [x]) => where(gt(x!, 0), t, 0)),
  vjp: (ct, [x]) => [where(gt(x!, 0), ct, 0)],
  // A comparison, not a multiplication.
  // Entry by entry: the batch axis is one more leading axis.
  batch: ([x], _batched, params) => bind(reluPrimitive, [x!], params),
  cost: () => free,
  notation: {
    forward: ([x]) => call("ReLU", "\\operatorname{ReLU}", x!),
    adjoint: (_i, ct, [x]) => hadamard(call("ReLU'", "\\operatorname{ReLU}'", x!), ct),
  },
};

/** max(x, 0), elementwise. */
export const relu = ((x: Value): Value => bind(reluPrimitive, [x], NO_PARAMS)) as UnaryOp;
