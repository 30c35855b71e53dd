import * as T from "@nnkit/tensor";
import { bind, operands } from "../bind.js";
import { free } from "../cost.js";
import { minus, negate } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { BinaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Operand, Value } from "../tracer.js";
import { alignOperands } from "./batching.js";
import { binaryShape } from "./elementwise.js";
import { neg } from "./neg.js";
import { elementwiseJvp, elementwiseVjp } from "./rules.js";

export const subPrimitive: Primitive<"sub"> = {
  name: "sub",
  // Linear: the VJP needs shapes only.
  saves: [],
  broadcasts: true,
  shape: binaryShape("sub"),
  evaluate: ([a, b]) => T.sub(a!, b!),
  jvp: elementwiseJvp(
    (t) => t,
    (t) => neg(t),
  ),
  vjp: elementwiseVjp(
    (ct) => ct,
    (ct) => neg(ct),
  ),
  batch: (inputs, batched, params) => bind(subPrimitive, alignOperands(inputs, batched), params),
  cost: () => free,
  notation: {
    forward: ([a, b]) => minus(a!, b!),
    adjoint: (i, ct) => (i === 0 ? ct : negate(ct)),
  },
};

/** a − b, elementwise with broadcasting. */
export const sub = ((a: Operand, b: Operand): Value =>
  bind(subPrimitive, operands(a, b), NO_PARAMS)) as BinaryOp;
