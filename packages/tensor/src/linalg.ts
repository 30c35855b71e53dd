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
import { batchIndex, describeMatrix, readMatrix, squareStack, timesPowerOfTwo } from "./matrix.js";
import { broadcastShapesFor, broadcastStrides } from "./shape.js";
import { forEachIndex } from "./strided.js";
import { allocateTensor, Tensor } from "./tensor.js";

function checkSquare(op: string, a: Tensor): number {
  return squareStack(op, a).rows;
}

/**
 * The LU factorisation of R·A·C, where the powers of two R = diag(2^rows[i]) and C = diag(2^cols[j])
 * give every row, then every column, a largest entry in [1, 2) (LAPACK's dgeequ, exactly). Partial
 * pivoting is blind to column scaling and its accuracy to row scaling, so judging singularity on
 * R·A·C keeps badly scaled but well-posed systems (diag(1e10, 1e-10)) solvable.
 */
interface Equilibrated {
  f: LU;
  rows: Int32Array;
  cols: Int32Array;
}

function exponentToUnit(largest: number): number {
  return largest > 0 && Number.isFinite(largest) ? -Math.floor(Math.log2(largest)) : 0;
}

function equilibrate(values: Float64Array, n: number): { rows: Int32Array; cols: Int32Array } {
  const rows = new Int32Array(n);
  const cols = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let largest = 0;
    for (let j = 0; j < n; j++) largest = Math.max(largest, Math.abs(values[i * n + j]!));
    rows[i] = exponentToUnit(largest);
    for (let j = 0; j < n; j++) values[i * n + j] = timesPowerOfTwo(values[i * n + j]!, rows[i]!);
  }
  for (let j = 0; j < n; j++) {
    let largest = 0;
    for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(values[i * n + j]!));
    cols[j] = exponentToUnit(largest);
    for (let i = 0; i < n; i++) values[i * n + j] = timesPowerOfTwo(values[i * n + j]!, cols[j]!);
  }
  return { rows, cols };
}

/** Equilibrated LU of one matrix of the stack, or a TensorError saying whether it is exactly or numerically singular. */
function factor(op: string, a: Tensor, offset: number, n: number, matrix: number[]): Equilibrated {
  const values = readMatrix(a, offset, n, n);
  const { rows, cols } = equilibrate(values, n);
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
        ? `a pivot of its LU factorisation is ${s.value.toExponential(2)}, below n·ε·‖A‖₁ = ${s.threshold.toExponential(2)} (rows and columns scaled to unit size)`
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
  return { f, rows, cols };
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
    // A·x = b ⇔ (R·A·C)·(C⁻¹x) = R·b.
    const { f, rows, cols } = factor(op, a, p!, n, batch.length ? batchIndex(batch, count++) : []);
    const scaled = readMatrix(rhs, q!, n, k);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) scaled[i * k + c] = timesPowerOfTwo(scaled[i * k + c]!, rows[i]!);
    }
    const y = luSolve(f, scaled, k);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++)
        out.data[written + i * k + c] = timesPowerOfTwo(y[i * k + c]!, cols[i]!);
    }
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
    // A⁻¹ = C·(R·A·C)⁻¹·R.
    const { f, rows, cols } = factor(op, a, p!, n, batch.length ? batchIndex(batch, count++) : []);
    const y = luSolve(f, identity, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++)
        out.data[written + i * n + j] = timesPowerOfTwo(y[i * n + j]!, cols[i]! + rows[j]!);
    }
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
