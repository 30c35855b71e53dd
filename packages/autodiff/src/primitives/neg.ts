import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { negate } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { UnaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { sameShape } from "./elementwise.js";
import { linear } from "./linear.js";

export const negPrimitive: Primitive<"neg"> = linear({
  name: "neg",
  shape: sameShape,
  evaluate: ([x]) => T.neg(x!),
  vjp: (ct) => [neg(ct)],
  // Entry by entry: the batch axis is one more leading axis.
  batch: ([x], _batched, params) => bind(negPrimitive, [x!], params),
  cost: () => free,
  notation: {
    forward: ([x]) => negate(x!),
    adjoint: (_i, ct) => negate(ct),
  },
});

/** −x. */
export const neg = ((x: Value): Value => bind(negPrimitive, [x], NO_PARAMS)) as UnaryOp;
