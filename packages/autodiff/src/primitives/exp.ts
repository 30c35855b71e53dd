import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { call, hadamard } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { UnaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { floatUnaryShape } from "./elementwise.js";
import { mul } from "./mul.js";
import { elementwiseJvp } from "./rules.js";

export const expPrimitive: Primitive<"exp"> = {
  name: "exp",
  saves: ["output"],
  shape: floatUnaryShape,
  evaluate: ([x]) => T.exp(x!),
  jvp: elementwiseJvp((t, _primals, out) => mul(t, out)),
  vjp: (ct, _primals, out) => [mul(ct, out)],
  // Transcendental functions are not scalar multiplications in the course's cost model.
  // Entry by entry: the batch axis is one more leading axis.
  batch: ([x], _batched, params) => bind(expPrimitive, [x!], params),
  cost: () => free,
  notation: {
    forward: ([x]) => call("exp", "\\exp", x!),
    adjoint: (_i, ct, [x]) => hadamard(call("exp", "\\exp", x!), ct),
  },
};

/** eˣ, elementwise. */
export const exp = ((x: Value): Value => bind(expPrimitive, [x], NO_PARAMS)) as UnaryOp;
