import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { atom, call, hadamard, minus, power } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { UnaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { floatUnaryShape } from "./elementwise.js";
import { mul } from "./mul.js";
import { elementwiseJvp } from "./rules.js";
import { square } from "./square.js";
import { sub } from "./sub.js";

export const tanhPrimitive: Primitive<"tanh"> = {
  name: "tanh",
  saves: ["output"],
  shape: floatUnaryShape,
  evaluate: ([x]) => T.tanh(x!),
  jvp: elementwiseJvp((t, _primals, out) => mul(t, sub(1, square(out)))),
  vjp: (ct, _primals, out) => [mul(ct, sub(1, square(out)))],
  // Transcendental functions are not scalar multiplications in the course's cost model.
  // Entry by entry: the batch axis is one more leading axis.
  batch: ([x], _batched, params) => bind(tanhPrimitive, [x!], params),
  cost: () => free,
  notation: {
    forward: ([x]) => call("tanh", "\\tanh", x!),
    adjoint: (_i, ct, [x]) => hadamard(minus(atom("1"), power(call("tanh", "\\tanh", x!), 2)), ct),
  },
};

/** Hyperbolic tangent, elementwise. */
export const tanh = ((x: Value): Value => bind(tanhPrimitive, [x], NO_PARAMS)) as UnaryOp;
