import * as T from "@nnkit/tensor";
import { bind, operands } from "../bind.js";
import { free } from "../cost.js";
import { atom, call, type Expr, hadamard } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { BinaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Operand, Value } from "../tracer.js";
import { alignOperands } from "./batching.js";
import { eq, gt } from "./compare.js";
import { binaryShape } from "./elementwise.js";
import { mul } from "./mul.js";
import { elementwiseJvp, elementwiseVjp } from "./rules.js";
import { where } from "./where.js";

export const maximumPrimitive: Primitive<"maximum"> = {
  name: "maximum",
  saves: [0, 1],
  broadcasts: true,
  shape: binaryShape("maximum"),
  evaluate: ([a, b]) => T.maximum(a!, b!),
  // The derivative follows the larger operand; at a tie each side gets half (as in JAX), so
  // max(x, x) = x still has derivative 1.
  jvp: elementwiseJvp(
    (t, [a, b]) => mul(t, share(a!, b!)),
    (t, [a, b]) => mul(t, share(b!, a!)),
  ),
  vjp: elementwiseVjp(
    (ct, [a, b]) => mul(ct, share(a!, b!)),
    (ct, [a, b]) => mul(ct, share(b!, a!)),
  ),
  // Comparisons are not multiplications.
  batch: (inputs, batched, params) =>
    bind(maximumPrimitive, alignOperands(inputs, batched), params),
  cost: () => free,
  notation: {
    forward: ([a, b]) => call("max", "\\max", a!, b!),
    adjoint: (i, ct, [a, b]) => hadamard(shareExpr(i === 0 ? a! : b!, i === 0 ? b! : a!), ct),
  },
};

/** The share of ∂max(a, b) that goes to a: 1 where a > b, ½ where a = b, 0 elsewhere. */
function share(a: Value, b: Value): Value {
  return where(gt(a, b), 1, where(eq(a, b), 0.5, 0));
}

function shareExpr(a: Expr, b: Expr): Expr {
  return atom(
    `(I(${a.text} > ${b.text}) + ½I(${a.text} = ${b.text}))`,
    `\\left(\\mathbb{I}(${a.latex} > ${b.latex}) + \\tfrac{1}{2}\\mathbb{I}(${a.latex} = ${b.latex})\\right)`,
  );
}

/** The larger of a and b, elementwise with broadcasting. */
export const maximum = ((a: Operand, b: Operand): Value =>
  bind(maximumPrimitive, operands(a, b), NO_PARAMS)) as BinaryOp;
