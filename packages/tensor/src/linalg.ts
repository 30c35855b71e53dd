// solve, inv and det for square matrices or stacks of them, through LU with partial pivoting.
// Unlike NumPy (which only refuses exactly zero pivots), solve and inv also refuse matrices that are
// singular to working precision, since every digit of their answer would be rounding noise.

import { exactIntegerDeterminant } from "./bareiss.js";
import { type DType, floatResult, promoteTypes } from "./dtype.js";
import { formatShape, TensorError } from "./errors.js";
import {
  classifySingularity,
  type LU,
  luDeterminant,
  luFactor,
  luSolve,
  matrixNorm1,
} from "./lu.js";
import { batchIndex, describeMatrix, readMatrix, squareStack } from "./matrix.js";
import { broadcastShapesFor, broadcastStrides } from "./shape.js";
import { forEachIndex } from "./strided.js";
import { allocateTensor, Tensor } from "./tensor.js";

function checkSquare(op: string, a: Tensor): number {
  return squareStack(op, a).rows;
}

/** LU of one matrix of the stack, or a TensorError saying whether it is exactly or numerically singular. */
function factor(op: string, a: Tensor, offset: number, n: number, matrix: number[]): LU {
  const values = readMatrix(a, offset, n, n);
  const normA = matrixNorm1(values, n);
  const f = luFactor(values, n);
  const s = classifySingularity(f, normA);
  if (s.kind === "exact") {
    throw new TensorError(
      op,
      "singular",
      `matrix is singular: pivot ${s.pivot} of its LU factorisation is exactly 0 (${describeMatrix(a.shape, matrix)})`,
      { code: "singular", matrix, pivot: s.pivot },
    );
  }
  if (s.kind === "numerical") {
    const test =
      s.reason === "pivot"
        ? `a pivot of its LU factorisation is ${s.value.toExponential(2)}, below n·ε·‖A‖₁ = ${s.threshold.toExponential(2)}`
        : `its estimated reciprocal condition number ${s.value.toExponential(2)} is below ε = ${s.threshold.toExponential(2)}`;
    throw new TensorError(
      op,
      "numerically-singular",
      `matrix is singular to working precision: ${test} (${describeMatrix(a.shape, matrix)}); lstsq or pinv give a least-squares answer`,
      {
        code: "numerically-singular",
        matrix,
        reason: s.reason,
        value: s.value,
        threshold: s.threshold,
      },
    );
  }
  return f;
}

/**
 * Solves A·x = b. `A` is [..., n, n]; `b` is a vector [n] or a stack of matrices [..., n, k]
 * (NumPy 2 rule: only a 1-D `b` is a vector). Batch axes broadcast.
 */
export function solve(a: Tensor, b: Tensor): Tensor {
  const op = "solve";
  const n = checkSquare(op, a);
  if (!(b instanceof Tensor)) throw new TensorError(op, "argument", "b must be a Tensor");
  const vector = b.rank === 1;
  const rhs = vector ? new Tensor(b.data, [b.shape[0]!, 1], [b.strides[0]!, 0], b.offset) : b;
  if (rhs.rank < 2 || rhs.shape[rhs.rank - 2] !== n) {
    throw new TensorError(
      op,
      "shape",
      `A ${formatShape(a.shape)} and b ${formatShape(b.shape)} do not match (b needs ${n} rows)`,
    );
  }
  const k = rhs.shape[rhs.rank - 1]!;
  const aBatch = a.shape.slice(0, -2);
  const bBatch = rhs.shape.slice(0, -2);
  const batch = broadcastShapesFor(op, [aBatch, bBatch]);
  const dtype: DType = floatResult(promoteTypes(a.dtype, b.dtype));
  const out = allocateTensor(op, dtype, [...batch, n, k]);
  const strides = [
    broadcastStrides(aBatch, a.strides.slice(0, -2), batch),
    broadcastStrides(bBatch, rhs.strides.slice(0, -2), batch),
  ];
  let written = 0;
  let count = 0;
  forEachIndex(batch, strides, [a.offset, rhs.offset], ([p, q]) => {
    const f = factor(op, a, p!, n, batch.length ? batchIndex(batch, count++) : []);
    out.data.set(luSolve(f, readMatrix(rhs, q!, n, k), k), written);
    written += n * k;
  });
  return vector ? new Tensor(out.data, [...batch, n]) : out;
}

/** Inverse of a square matrix (or of each matrix in a stack). */
export function inv(a: Tensor): Tensor {
  const op = "inv";
  const n = checkSquare(op, a);
  const batch = a.shape.slice(0, -2);
  const out = allocateTensor(op, floatResult(a.dtype), a.shape);
  const identity = new Float64Array(n * n);
  for (let i = 0; i < n; i++) identity[i * n + i] = 1;
  let written = 0;
  let count = 0;
  forEachIndex(batch, [a.strides.slice(0, -2)], [a.offset], ([p]) => {
    const f = factor(op, a, p!, n, batch.length ? batchIndex(batch, count++) : []);
    out.data.set(luSolve(f, identity, n), written);
    written += n * n;
  });
  return out;
}

/**
 * Determinant of a square matrix (or of each matrix in a stack). A matrix of integers whose
 * Hadamard bound ∏‖rowᵢ‖₂ is at most 2^25 gets its exact determinant by fraction-free elimination
 * (so a singular one gives exactly 0); any other matrix gets sign(P)·∏ diag(U) from LU with partial
 * pivoting, which is 0 only when a pivot is exactly zero (like NumPy).
 */
export function det(a: Tensor): Tensor {
  const op = "det";
  const n = checkSquare(op, a);
  const batch = a.shape.slice(0, -2);
  const out = allocateTensor(op, floatResult(a.dtype), batch);
  let i = 0;
  forEachIndex(batch, [a.strides.slice(0, -2)], [a.offset], ([p]) => {
    const values = readMatrix(a, p!, n, n);
    const exact = exactIntegerDeterminant(values, n);
    if (exact !== undefined) {
      out.data[i++] = exact;
      return;
    }
    const f = luFactor(values, n);
    out.data[i++] = f.zeroPivot >= 0 ? 0 : luDeterminant(f);
  });
  return out;
}
