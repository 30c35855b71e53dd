import * as T from "@nnkit/tensor";
import { bind, operands } from "../bind.js";
import { free } from "../cost.js";
import { plus } from "../equations/expr.js";
import type { BinaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Operand, Value } from "../tracer.js";
import { binaryShape } from "./elementwise.js";
import { spread, unbroadcast } from "./sum-broadcast.js";

export const addPrimitive: Primitive<"add"> = {
  name: "add",
  shape: binaryShape("add"),
  evaluate: ([a, b]) => T.add(a!, b!),
  jvp(_primals, [ta, tb], out) {
    if (ta && tb) return add(ta, tb);
    return spread((ta ?? tb)!, out.shape);
  },
  vjp: (ct, [a, b]) => [unbroadcast(ct, a!.shape), unbroadcast(ct, b!.shape)],
  cost: () => free,
  notation: {
    forward: ([a, b]) => plus(a!, b!),
    adjoint: (_i, ct) => ct,
  },
};

/** a + b, elementwise with broadcasting. */
export const add = ((a: Operand, b: Operand): Value =>
  bind(addPrimitive, operands(a, b), {})) as BinaryOp;
