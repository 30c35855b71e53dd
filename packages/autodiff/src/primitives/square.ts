import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { perEntry } from "../cost.js";
import { atom, hadamard, power, times } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { UnaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { sameShape } from "./elementwise.js";
import { mul } from "./mul.js";
import { elementwiseJvp } from "./rules.js";

export const squarePrimitive: Primitive<"square"> = {
  name: "square",
  saves: [0],
  shape: sameShape,
  evaluate: ([x]) => T.mul(x!, x!),
  jvp: elementwiseJvp((t, [x]) => mul(t, mul(x!, 2))),
  vjp: (ct, [x]) => [mul(ct, mul(x!, 2))],
  // x·x: one multiplication per entry.
  // Entry by entry: the batch axis is one more leading axis.
  batch: ([x], _batched, params) => bind(squarePrimitive, [x!], params),
  cost: (_inputs, output) => perEntry(output.shape),
  notation: {
    forward: ([x]) => power(x!, 2),
    adjoint: (_i, ct, [x]) => hadamard(times(atom("2"), x!), ct),
  },
};

/** x², elementwise. */
export const square = ((x: Value): Value => bind(squarePrimitive, [x], NO_PARAMS)) as UnaryOp;
