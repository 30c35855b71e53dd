import * as T from "@nnkit/tensor";
import { bind, operands } from "../bind.js";
import { free } from "../cost.js";
import type { Dim } from "../dims.js";
import { plus } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { BinaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Operand, Value } from "../tracer.js";
import { alignOperands } from "./batching.js";
import { binaryShape } from "./elementwise.js";
import { spread, unbroadcast } from "./sum-broadcast.js";

/**
 * The sum of tangent contributions, skipping known zeros (`null`), brought to `shape`; `null`
 * when every one is zero. Every JVP that adds contributions goes through here.
 */
export function addTangents(parts: readonly (Value | null)[], shape: readonly Dim[]): Value | null {
  let total: Value | null = null;
  for (const part of parts) {
    if (part !== null) total = total === null ? part : add(total, part);
  }
  return total === null ? null : spread(total, shape);
}

export const addPrimitive: Primitive<"add"> = {
  name: "add",
  // Linear: the VJP needs shapes only.
  saves: [],
  broadcasts: true,
  shape: binaryShape("add"),
  evaluate: ([a, b]) => T.add(a!, b!),
  jvp: (_primals, tangents, out) => addTangents(tangents, out.shape),
  vjp: (ct, [a, b], _out, _params, needed) => [
    needed[0] ? unbroadcast(ct, a!.shape) : null,
    needed[1] ? unbroadcast(ct, b!.shape) : null,
  ],
  batch: (inputs, batched, params) => bind(addPrimitive, alignOperands(inputs, batched), params),
  cost: () => free,
  notation: {
    forward: ([a, b]) => plus(a!, b!),
    adjoint: (_i, ct) => ct,
  },
};

/** a + b, elementwise with broadcasting. */
export const add = ((a: Operand, b: Operand): Value =>
  bind(addPrimitive, operands(a, b), NO_PARAMS)) as BinaryOp;
