import * as T from "@nnkit/tensor";
import { bind, operands } from "../bind.js";
import { perEntry } from "../cost.js";
import { divide, hadamard, negate } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { BinaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import { floatResult } from "../shapes.js";
import type { Operand, Value } from "../tracer.js";
import { alignOperands } from "./batching.js";
import { binaryShape } from "./elementwise.js";
import { mul } from "./mul.js";
import { neg } from "./neg.js";
import { elementwiseJvp, elementwiseVjp } from "./rules.js";

export const divPrimitive: Primitive<"div"> = {
  name: "div",
  saves: [1, "output"],
  broadcasts: true,
  shape(inputs) {
    const out = binaryShape("div")(inputs);
    return { shape: out.shape, dtype: floatResult(out.dtype) };
  },
  evaluate: ([a, b]) => T.div(a!, b!),
  // d(a/b) = da/b − (a/b)·db/b
  jvp: elementwiseJvp(
    (t, [, b]) => div(t, b!),
    (t, [, b], out) => neg(div(mul(out, t), b!)),
  ),
  vjp: elementwiseVjp(
    (ct, [, b]) => div(ct, b!),
    (ct, [, b], out) => neg(div(mul(ct, out), b!)),
  ),
  // One multiplication (a division counts as one) per output entry.
  batch: (inputs, batched, params) => bind(divPrimitive, alignOperands(inputs, batched), params),
  cost: (_inputs, output) => perEntry(output.shape),
  notation: {
    forward: ([a, b]) => divide(a!, b!),
    adjoint: (i, ct, [a, b]) =>
      i === 0 ? divide(ct, b!) : negate(divide(hadamard(ct, a!), hadamard(b!, b!))),
  },
};

/** a ⊘ b, elementwise with broadcasting; integers divide to float64. */
export const div = ((a: Operand, b: Operand): Value =>
  bind(divPrimitive, operands(a, b), NO_PARAMS)) as BinaryOp;
