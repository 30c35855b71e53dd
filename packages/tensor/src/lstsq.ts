// Least squares and the pseudo-inverse, both from the SVD: with A = U·diag(s)·Vᵀ and the singular
// values above a cutoff kept (r of them), x = V_r·diag(1/s_r)·U_rᵀ·b is the minimum-norm minimiser
// of ‖A·x − b‖₂, and A⁺ = V_r·diag(1/s_r)·U_rᵀ.
import { div, mul, sub } from "./arithmetic.js";
import { promoteTypes } from "./dtype.js";
import { formatShape, TensorError } from "./errors.js";
import { matmul } from "./matmul.js";
import { matrixStack } from "./matrix.js";
import { max, sum } from "./reduce.js";
import { svd } from "./svd.js";
import { Tensor } from "./tensor.js";
import { expandDims, matrixTranspose, reshape, slice } from "./views.js";

export interface Lstsq {
  /** The minimum-norm least-squares solution, [n] for a vector b, else [n, k]. */
  x: Tensor;
  /**
   * Squared residual ‖b − A·x‖² per column of b ([k], or [1] for a vector b) when A has full
   * column rank n < m; otherwise empty ([0]), as in NumPy.
   */
  residuals: Tensor;
  /** Number of singular values above the cutoff. */
  rank: number;
  /** Singular values of A, descending. */
  s: Tensor;
}

function checkCutoff(op: string, name: string, value: number): void {
  if (typeof value !== "number" || !(value >= 0)) {
    throw new TensorError(op, "argument", `${name} must be a number ≥ 0, got ${String(value)}`);
  }
}

/**
 * Least-squares solution of A·x = b for A [m, n] and b [m] or [m, k] (NumPy's `linalg.lstsq`):
 * among the minimisers of ‖A·x − b‖₂ the one of smallest norm, so it also solves underdetermined
 * (wide, m < n) and rank-deficient systems. Singular values at most `rcond`·max(s) count as zero;
 * `rcond` defaults to ε·max(m, n), NumPy's default. For a wide X of full row rank the result is
 * the minimum-norm solution Xᵀ(XXᵀ)⁻¹t.
 */
export function lstsq(a: Tensor, b: Tensor, rcond?: number): Lstsq {
  const op = "lstsq";
  const stack = matrixStack(op, a);
  if (stack.batch.length > 0) {
    throw new TensorError(
      op,
      "shape",
      `A must be a matrix [m, n], got shape ${formatShape(a.shape)}`,
    );
  }
  const { rows: m, cols: n } = stack;
  if (!(b instanceof Tensor)) throw new TensorError(op, "argument", "b must be a Tensor");
  if ((b.rank !== 1 && b.rank !== 2) || b.shape[0] !== m) {
    throw new TensorError(
      op,
      "shape",
      `A ${formatShape(a.shape)} and b ${formatShape(b.shape)} do not match (b needs shape [${m}] or [${m}, k])`,
    );
  }
  const cutoff = rcond ?? Number.EPSILON * Math.max(m, n);
  checkCutoff(op, "rcond", cutoff);
  const dtype = promoteTypes(stack.dtype, b.dtype === "float32" ? "float32" : "float64");
  const A = a.astype("float64");
  const B = b.rank === 1 ? reshape(b.astype("float64"), [m, 1]) : b.astype("float64");
  const { u, s, vh } = svd(A, false);
  const largest = s.size ? s.data[0]! : 0;
  let rank = 0;
  while (rank < s.size && s.data[rank]! > cutoff * largest) rank++;
  const ur = slice(u, null, [0, rank]);
  const coefficients = div(matmul(matrixTranspose(ur), B), reshape(slice(s, [0, rank]), [rank, 1]));
  const x = matmul(matrixTranspose(slice(vh, [0, rank])), coefficients);
  const misfit = sub(matmul(A, x), B);
  const residuals =
    rank === n && m > n ? sum(mul(misfit, misfit), 0) : new Tensor(new Float64Array(0), [0]);
  const solution = b.rank === 1 ? reshape(x, [n]) : x;
  return {
    x: solution.astype(dtype),
    residuals: residuals.astype(dtype),
    rank,
    s: s.astype(stack.dtype),
  };
}

/**
 * Moore–Penrose pseudo-inverse of a matrix [m, n] or a stack of them (NumPy's `linalg.pinv`),
 * [..., n, m]: singular values at most `rcond`·max(s) (default 1e-15, NumPy's) are treated as zero.
 * A·pinv(A)·A = A, and pinv(A)·b is lstsq's minimum-norm solution.
 */
export function pinv(a: Tensor, rcond = 1e-15): Tensor {
  const op = "pinv";
  const stack = matrixStack(op, a);
  checkCutoff(op, "rcond", rcond);
  const { u, s, vh } = svd(a.astype("float64"), false);
  if (s.size === 0)
    return new Tensor(new Float64Array(0), [...stack.batch, stack.cols, stack.rows]).astype(
      stack.dtype,
    );
  const cutoff = mul(max(s, -1, true), rcond);
  const inverse = s.data.map((x, i) =>
    x > cutoff.data[Math.floor(i / s.shape[s.rank - 1]!)]! ? 1 / x : 0,
  );
  const scaled = mul(matrixTranspose(vh), expandDims(new Tensor(inverse, s.shape), -2));
  return matmul(scaled, matrixTranspose(u)).astype(stack.dtype);
}
