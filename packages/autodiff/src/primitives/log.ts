import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { call, divide } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { UnaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { div } from "./div.js";
import { floatUnaryShape } from "./elementwise.js";
import { elementwiseJvp } from "./rules.js";

export const logPrimitive: Primitive<"log"> = {
  name: "log",
  saves: [0],
  shape: floatUnaryShape,
  evaluate: ([x]) => T.log(x!),
  jvp: elementwiseJvp((t, [x]) => div(t, x!)),
  vjp: (ct, [x]) => [div(ct, x!)],
  // Transcendental functions are not scalar multiplications in the course's cost model.
  // Entry by entry: the batch axis is one more leading axis.
  batch: ([x], _batched, params) => bind(logPrimitive, [x!], params),
  cost: () => free,
  notation: {
    forward: ([x]) => call("log", "\\log", x!),
    adjoint: (_i, ct, [x]) => divide(ct, x!),
  },
};

/** Natural logarithm, elementwise. */
export const log = ((x: Value): Value => bind(logPrimitive, [x], NO_PARAMS)) as UnaryOp;
