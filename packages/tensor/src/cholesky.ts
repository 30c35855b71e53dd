// Cholesky factorisation A = L·Lᵀ of symmetric positive definite matrices.
import { TensorError } from "./errors.js";
import { checkFinite, describeMatrix, forEachMatrix, squareStack, stackResult } from "./matrix.js";
import { asymmetry, notSymmetric } from "./symmetric.js";
import type { Tensor } from "./tensor.js";

/**
 * The lower-triangular L with positive diagonal and A = L·Lᵀ, for a symmetric positive definite
 * matrix [n, n] or a stack of them (NumPy's `linalg.cholesky`). Refuses, with a TensorError, a
 * matrix that is not symmetric ("not-symmetric"; NumPy silently reads only the lower triangle) or
 * not positive definite ("not-positive-definite", naming the first pivot that is not positive).
 */
export function cholesky(a: Tensor): Tensor {
  const op = "cholesky";
  const stack = squareStack(op, a);
  const n = stack.rows;
  const out = stackResult(op, stack, [n, n]);
  forEachMatrix(a, stack, (values, k, matrix) => {
    checkFinite(op, values, a.shape, matrix);
    const at = asymmetry(values, n);
    if (at) throw notSymmetric(op, a.shape, matrix, values, n, at);
    const l = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      let pivot = values[j * n + j]!;
      for (let p = 0; p < j; p++) pivot -= l[j * n + p]! * l[j * n + p]!;
      if (!(pivot > 0)) {
        throw new TensorError(
          op,
          "not-positive-definite",
          `matrix is not positive definite: pivot ${j} is ${pivot} (a_jj − Σ l_jk² must be > 0) (${describeMatrix(a.shape, matrix)})`,
          { code: "not-positive-definite", matrix, pivot: j, value: pivot },
        );
      }
      const d = Math.sqrt(pivot);
      l[j * n + j] = d;
      for (let i = j + 1; i < n; i++) {
        let s = values[i * n + j]!;
        for (let p = 0; p < j; p++) s -= l[i * n + p]! * l[j * n + p]!;
        l[i * n + j] = s / d;
      }
    }
    out.write(k, l);
  });
  return out.tensor;
}
