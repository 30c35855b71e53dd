import * as T from "@nnkit/tensor";
import type { AbstractValue } from "../abstract-value.js";
import { bind } from "../bind.js";
import type { CostRule } from "../cost.js";
import { dimEquals, formatShape } from "../dims.js";
import { juxtapose, transposed } from "../equations/expr.js";
import { AutodiffError } from "../errors.js";
import { outer } from "../ops/outer.js";
import type { Primitive } from "../primitive.js";
import { promoteTypes } from "../shapes.js";
import type { Value } from "../tracer.js";
import { addTangents } from "./add.js";
import { mul } from "./mul.js";
import { transpose } from "./transpose.js";

// Matrix products of vectors and matrices (ranks 1 and 2), NumPy semantics: a vector on the left
// is a row, on the right a column, and the promoted axis is dropped from the result.

function checkRanks(a: AbstractValue, b: AbstractValue): void {
  if (a.shape.length < 1 || a.shape.length > 2 || b.shape.length < 1 || b.shape.length > 2) {
    throw new AutodiffError(
      "matmul",
      "shape",
      `operands must be vectors or matrices, got shapes ${formatShape(a.shape)} and ${formatShape(b.shape)}`,
    );
  }
}

export const matmulPrimitive: Primitive<"matmul"> = {
  name: "matmul",
  saves: [0, 1],
  shape([a, b]) {
    checkRanks(a!, b!);
    const inner = a!.shape[a!.shape.length - 1]!;
    if (!dimEquals(inner, b!.shape[0]!)) {
      throw new AutodiffError(
        "matmul",
        "shape",
        `shapes ${formatShape(a!.shape)} and ${formatShape(b!.shape)} do not align (${formatShape([inner])} vs ${formatShape([b!.shape[0]!])})`,
      );
    }
    const shape = [...a!.shape.slice(0, -1), ...b!.shape.slice(1)];
    return { shape, dtype: promoteTypes(a!.dtype, b!.dtype) };
  },
  evaluate: ([a, b]) => T.matmul(a!, b!),
  // Bilinear: d(ab) = da·b + a·db.
  jvp: ([a, b], [ta, tb], out) =>
    addTangents([ta && matmul(ta, b!), tb && matmul(a!, tb)], out.shape),
  vjp: (ct, [a, b], _out, _params, needed) => [
    needed[0] ? leftAdjoint(ct, a!, b!) : null,
    needed[1] ? rightAdjoint(ct, a!, b!) : null,
  ],
  // [a×b]·[b×c] costs a·b·c multiplications (a vector side counts as 1).
  cost([a], output): CostRule {
    return [{ coef: 1, dims: [...output.shape, a!.shape[a!.shape.length - 1]!] }];
  },
  notation: {
    forward: ([a, b]) => juxtapose(a!, b!),
    adjoint: (i, ct, [a, b]) =>
      i === 0 ? juxtapose(ct, transposed(b!)) : juxtapose(transposed(a!), ct),
  },
};

/** ā for out = a b. */
function leftAdjoint(ct: Value, a: Value, b: Value): Value {
  if (a.shape.length === 1 && b.shape.length === 1) return mul(ct, b);
  if (a.shape.length === 1) return matmul(b, ct); // [k]·[k×n]: ā = b ct̄
  if (b.shape.length === 1) return outer(ct, b); // [m×k]·[k]: ā = ct̄ bᵀ
  return matmul(ct, transpose(b));
}

/** b̄ for out = a b. */
function rightAdjoint(ct: Value, a: Value, b: Value): Value {
  if (a.shape.length === 1 && b.shape.length === 1) return mul(ct, a);
  if (a.shape.length === 1) return outer(a, ct);
  return matmul(transpose(a), ct);
}

/** Matrix product of vectors and matrices (ranks 1–2). */
export function matmul(a: T.Tensor, b: T.Tensor): T.Tensor;
export function matmul(a: Value, b: Value): Value;
export function matmul(a: Value, b: Value): Value {
  return bind(matmulPrimitive, [a, b], {});
}
