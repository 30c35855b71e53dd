import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { atom, call, hadamard } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { UnaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { gt, lt } from "./compare.js";
import { sameShape } from "./elementwise.js";
import { mul } from "./mul.js";
import { elementwiseJvp } from "./rules.js";
import { where } from "./where.js";

/** sign(x) as a value: 1, −1, or 0 at 0 (the derivative JAX takes for |x| at the kink). */
function sign(x: Value): Value {
  return where(gt(x, 0), 1, where(lt(x, 0), -1, 0));
}

export const absPrimitive: Primitive<"abs"> = {
  name: "abs",
  saves: [0],
  shape: sameShape,
  evaluate: ([x]) => T.abs(x!),
  jvp: elementwiseJvp((t, [x]) => mul(t, sign(x!))),
  vjp: (ct, [x]) => [mul(ct, sign(x!))],
  // Entry by entry: the batch axis is one more leading axis.
  batch: ([x], _batched, params) => bind(absPrimitive, [x!], params),
  cost: () => free,
  notation: {
    forward: ([x]) => atom(`|${x!.text}|`, `\\left|${x!.latex}\\right|`),
    adjoint: (_i, ct, [x]) => hadamard(call("sign", "\\operatorname{sign}", x!), ct),
  },
};

/** |x|, elementwise. */
export const abs = ((x: Value): Value => bind(absPrimitive, [x], NO_PARAMS)) as UnaryOp;
