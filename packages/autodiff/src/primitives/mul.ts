import * as T from "@nnkit/tensor";
import { bind, operands } from "../bind.js";
import { perEntry } from "../cost.js";
import { hadamard } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { BinaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Operand, Value } from "../tracer.js";
import { alignOperands } from "./batching.js";
import { binaryShape } from "./elementwise.js";
import { elementwiseJvp, elementwiseVjp } from "./rules.js";

export const mulPrimitive: Primitive<"mul"> = {
  name: "mul",
  saves: [0, 1],
  broadcasts: true,
  shape: binaryShape("mul"),
  evaluate: ([a, b]) => T.mul(a!, b!),
  // d(ab) = da·b + a·db
  jvp: elementwiseJvp(
    (t, [, b]) => mul(t, b!),
    (t, [a]) => mul(a!, t),
  ),
  vjp: elementwiseVjp(
    (ct, [, b]) => mul(ct, b!),
    (ct, [a]) => mul(a!, ct),
  ),
  // One multiplication per output entry.
  batch: (inputs, batched, params) => bind(mulPrimitive, alignOperands(inputs, batched), params),
  cost: (_inputs, output) => perEntry(output.shape),
  notation: {
    forward: ([a, b]) => hadamard(a!, b!),
    adjoint: (i, ct, [a, b]) => hadamard(ct, i === 0 ? b! : a!),
  },
};

/** a ⊙ b, elementwise with broadcasting. */
export const mul = ((a: Operand, b: Operand): Value =>
  bind(mulPrimitive, operands(a, b), NO_PARAMS)) as BinaryOp;
