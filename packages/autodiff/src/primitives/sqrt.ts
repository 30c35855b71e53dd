import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { atom, call, divide, times } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { UnaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { div } from "./div.js";
import { floatUnaryShape } from "./elementwise.js";
import { mul } from "./mul.js";
import { elementwiseJvp } from "./rules.js";

export const sqrtPrimitive: Primitive<"sqrt"> = {
  name: "sqrt",
  saves: ["output"],
  shape: floatUnaryShape,
  evaluate: ([x]) => T.sqrt(x!),
  // (√x)' = 1 / (2√x), from the output.
  jvp: elementwiseJvp((t, _primals, out) => div(t, mul(out, 2))),
  vjp: (ct, _primals, out) => [div(ct, mul(out, 2))],
  // A root is not a scalar multiplication in the course's cost model.
  // Entry by entry: the batch axis is one more leading axis.
  batch: ([x], _batched, params) => bind(sqrtPrimitive, [x!], params),
  cost: () => free,
  notation: {
    forward: ([x]) => call("√", "\\sqrt", x!),
    adjoint: (_i, ct, [x]) => divide(ct, times(atom("2"), call("√", "\\sqrt", x!))),
  },
};

/** √x, elementwise. */
export const sqrt = ((x: Value): Value => bind(sqrtPrimitive, [x], NO_PARAMS)) as UnaryOp;
