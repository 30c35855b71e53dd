import * as T from "@nnkit/tensor";
import type { AbstractValue } from "../abstract-value.js";
import { bind } from "../bind.js";
import type { CostRule } from "../cost.js";
import { type Dim, dimEquals, formatShape } from "../dims.js";
import { juxtapose, transposed } from "../equations/expr.js";
import { AutodiffError } from "../errors.js";
import { NO_PARAMS } from "../graph.js";
import { outer } from "../ops/outer.js";
import type { Primitive } from "../primitive.js";
import { broadcastShapes, promoteTypes } from "../shapes.js";
import type { Value } from "../tracer.js";
import { addTangents } from "./add.js";
import { mul } from "./mul.js";
import { reshape } from "./reshape.js";
import { unbroadcast } from "./sum-broadcast.js";
import { transpose } from "./transpose.js";

// Matrix products with NumPy's `matmul` semantics: a vector on the left is a row, on the right a
// column, and the promoted axis is dropped from the result; operands of rank > 2 are stacks of
// matrices whose leading (batch) axes broadcast against each other.

/** The operands' matrix sizes and the broadcast batch shape, or an error naming both shapes. */
function layout(a: AbstractValue, b: AbstractValue) {
  if (a.shape.length < 1 || b.shape.length < 1) {
    throw new AutodiffError(
      "matmul",
      "shape",
      `operands must have at least one axis, got shapes ${formatShape(a.shape)} and ${formatShape(b.shape)}`,
    );
  }
  const left = a.shape.length === 1 ? [1, ...a.shape] : a.shape;
  const right = b.shape.length === 1 ? [...b.shape, 1] : b.shape;
  const inner = left.at(-1)!;
  if (!dimEquals(inner, right.at(-2)!)) {
    throw new AutodiffError(
      "matmul",
      "shape",
      `shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} do not align (${formatShape([inner])} vs ${formatShape([right.at(-2)!])})`,
    );
  }
  const batch = broadcastShapes("matmul", left.slice(0, -2), right.slice(0, -2));
  return { left, right, batch };
}

export const matmulPrimitive: Primitive<"matmul"> = {
  name: "matmul",
  saves: [0, 1],
  broadcasts: "batch",
  shape([a, b]) {
    const { left, right, batch } = layout(a!, b!);
    const shape = [
      ...batch,
      ...(a!.shape.length === 1 ? [] : [left.at(-2)!]),
      ...(b!.shape.length === 1 ? [] : [right.at(-1)!]),
    ];
    return { shape, dtype: promoteTypes(a!.dtype, b!.dtype) };
  },
  evaluate: ([a, b]) => T.matmul(a!, b!),
  // Bilinear: d(ab) = da·b + a·db.
  jvp: ([a, b], [ta, tb], out) =>
    addTangents([ta ? matmul(ta, b!) : null, tb ? matmul(a!, tb) : null], out.shape),
  vjp: (ct, [a, b], _out, _params, needed) => {
    const batched = a!.shape.length > 2 || b!.shape.length > 2;
    return [
      needed[0] ? (batched ? batchedAdjoint(0, ct, a!, b!) : leftAdjoint(ct, a!, b!)) : null,
      needed[1] ? (batched ? batchedAdjoint(1, ct, a!, b!) : rightAdjoint(ct, a!, b!)) : null,
    ];
  },
  batch: (inputs, batched, _params, size) => batchedProduct(inputs, batched, size),
  // [a×b]·[b×c] costs a·b·c multiplications per matrix of the batch (a vector side counts as 1).
  cost([a], output): CostRule {
    return [{ coef: 1, dims: [...output.shape, a!.shape[a!.shape.length - 1]!] }];
  },
  notation: {
    forward: ([a, b]) => juxtapose(a!, b!),
    adjoint: (i, ct, [a, b]) =>
      i === 0 ? juxtapose(ct, transposed(b!)) : juxtapose(transposed(a!), ct),
  },
};

/** ā for out = a b (vectors and matrices). */
function leftAdjoint(ct: Value, a: Value, b: Value): Value {
  if (a.shape.length === 1 && b.shape.length === 1) return mul(ct, b);
  if (a.shape.length === 1) return matmul(b, ct); // [k]·[k×n]: ā = b ct̄
  if (b.shape.length === 1) return outer(ct, b); // [m×k]·[k]: ā = ct̄ bᵀ
  return matmul(ct, transpose(b));
}

/** b̄ for out = a b (vectors and matrices). */
function rightAdjoint(ct: Value, a: Value, b: Value): Value {
  if (a.shape.length === 1 && b.shape.length === 1) return mul(ct, a);
  if (a.shape.length === 1) return outer(a, ct);
  return matmul(transpose(a), ct);
}

/** Swaps the last two axes: the transpose of every matrix of a stack. */
function swapLast(x: Value): Value {
  const rank = x.shape.length;
  const axes = Array.from({ length: rank }, (_, i) => i);
  axes[rank - 2] = rank - 1;
  axes[rank - 1] = rank - 2;
  return transpose(x, axes);
}

/**
 * The adjoint of operand `index` of a stacked product: with vectors promoted to matrices,
 * ā = ct̄ bᵀ and b̄ = aᵀ ct̄ per matrix, summed over the batch axes the operand was broadcast along.
 */
function batchedAdjoint(index: 0 | 1, ct: Value, a: Value, b: Value): Value {
  const { left, right, batch } = layout(a, b);
  const a2 = reshape(a, left);
  const b2 = reshape(b, right);
  const ct2 = reshape(ct, [...batch, left.at(-2)!, right.at(-1)!] as Dim[]);
  const product = index === 0 ? matmul(ct2, swapLast(b2)) : matmul(swapLast(a2), ct2);
  const operand = index === 0 ? a : b;
  return reshape(unbroadcast(product, index === 0 ? left : right), operand.shape);
}

/**
 * vmap's rule: vectors are promoted to matrices and the batch becomes the leading batch axis of
 * the stacked product (size-1 axes align it), then the promoted axes are dropped again.
 */
function batchedProduct(inputs: readonly Value[], batched: readonly boolean[], size: Dim): Value {
  const examples = inputs.map((x, i) => ({
    shape: batched[i] ? x.shape.slice(1) : x.shape,
    dtype: x.dtype,
  }));
  const out = matmulPrimitive.shape(examples, {});
  const { left, right } = layout(examples[0]!, examples[1]!);
  const rank = Math.max(left.length, right.length);
  const [a, b] = [left, right].map((matrix, i) => {
    const x = inputs[i]!;
    if (!batched[i]) return reshape(x, matrix);
    return reshape(x, [size, ...new Array<number>(rank - matrix.length).fill(1), ...matrix]);
  });
  return reshape(matmul(a!, b!), [size, ...out.shape]);
}

/** Matrix product, NumPy's `matmul`: vectors, matrices and stacks of matrices (batch axes broadcast). */
export function matmul(a: T.Tensor, b: T.Tensor): T.Tensor;
export function matmul(a: Value, b: Value): Value;
export function matmul(a: Value, b: Value): Value {
  return bind(matmulPrimitive, [a, b], NO_PARAMS);
}
