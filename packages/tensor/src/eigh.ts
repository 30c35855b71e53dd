// Eigendecomposition of symmetric matrices by the cyclic Jacobi method: rotations zero one
// off-diagonal pair at a time; each sweep visits every pair, and convergence is quadratic. Slower
// than LAPACK's tridiagonal QR for large n, but simple, and accurate to working precision.
import { TensorError } from "./errors.js";
import {
  checkFinite,
  describeMatrix,
  forEachMatrix,
  scaleExponent,
  scaleInPlace,
  squareStack,
  stackResult,
  timesPowerOfTwo,
} from "./matrix.js";
import { asymmetry, notSymmetric } from "./symmetric.js";
import type { Tensor } from "./tensor.js";

const MAX_SWEEPS = 100;

export interface Eigh {
  /** Ascending, [..., n]. */
  eigenvalues: Tensor;
  /** Column j is the unit eigenvector of eigenvalue j, [..., n, n]. */
  eigenvectors: Tensor;
}

/**
 * Diagonalises the symmetric n×n row-major `a` in place: returns V (row-major, eigenvectors in
 * columns) with Vᵀ·A·V = diag(a), or undefined if MAX_SWEEPS sweeps did not converge.
 */
export function jacobiEigen(a: Float64Array, n: number): Float64Array | undefined {
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        const app = a[p * n + p]!;
        const aqq = a[q * n + q]!;
        // Negligible next to both diagonal entries: rotating would change nothing representable.
        // (The caller scales the largest entry into [1, 2), so below 1e-280 is nothing.)
        const negligible =
          Math.abs(apq) < 1e-280 ||
          Math.abs(apq) <=
            Number.EPSILON * 0.5 * Math.sqrt(Math.abs(app)) * Math.sqrt(Math.abs(aqq));
        if (negligible) {
          a[p * n + q] = 0;
          a[q * n + p] = 0;
          continue;
        }
        rotated = true;
        // Rutishauser's stable form: t = tan φ is the smaller root of t² + 2θt − 1 = 0.
        const theta = (aqq - app) / (2 * apq);
        const t =
          Math.abs(theta) > 1e150
            ? 1 / (2 * theta)
            : (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        const tau = s / (1 + c);
        a[p * n + p] = app - t * apq;
        a[q * n + q] = aqq + t * apq;
        a[p * n + q] = 0;
        a[q * n + p] = 0;
        for (let r = 0; r < n; r++) {
          if (r !== p && r !== q) {
            const g = a[r * n + p]!;
            const h = a[r * n + q]!;
            const rp = g - s * (h + g * tau);
            const rq = h + s * (g - h * tau);
            a[r * n + p] = rp;
            a[p * n + r] = rp;
            a[r * n + q] = rq;
            a[q * n + r] = rq;
          }
          const g = v[r * n + p]!;
          const h = v[r * n + q]!;
          v[r * n + p] = g - s * (h + g * tau);
          v[r * n + q] = h + s * (g - h * tau);
        }
      }
    }
    if (!rotated) return v;
  }
  return undefined;
}

/**
 * Eigenvalues (ascending) and orthonormal eigenvectors (columns) of a symmetric matrix [n, n] or a
 * stack of them, like NumPy's `linalg.eigh`. Each eigenvector is defined up to sign (and, for a
 * repeated eigenvalue, up to a rotation within its eigenspace), so compare A·v with λ·v rather than
 * with NumPy's vectors. Unlike NumPy, which reads only the lower triangle, a matrix that is not
 * symmetric is refused ("not-symmetric"); NaN or infinite entries are refused too.
 */
export function eigh(a: Tensor): Eigh {
  const op = "eigh";
  const stack = squareStack(op, a);
  const n = stack.rows;
  const values = stackResult(op, stack, [n]);
  const vectors = stackResult(op, stack, [n, n]);
  forEachMatrix(a, stack, (m, k, matrix) => {
    checkFinite(op, m, a.shape, matrix);
    const at = asymmetry(m, n);
    if (at) throw notSymmetric(op, a.shape, matrix, m, n, at);
    // Symmetrise the rounding-level differences the check allowed.
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        const mean = (m[i * n + j]! + m[j * n + i]!) / 2;
        m[i * n + j] = mean;
        m[j * n + i] = mean;
      }
    }
    const e = scaleExponent(m);
    scaleInPlace(m, e);
    const v = jacobiEigen(m, n);
    if (!v) {
      throw new TensorError(
        op,
        "no-convergence",
        `Jacobi iteration did not converge in ${MAX_SWEEPS} sweeps (${describeMatrix(a.shape, matrix)})`,
      );
    }
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (i, j) => m[i * n + i]! - m[j * n + j]!,
    );
    values.write(
      k,
      order.map((i) => timesPowerOfTwo(m[i * n + i]!, -e)),
    );
    const sorted = new Float64Array(n * n);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) sorted[r * n + c] = v[r * n + order[c]!]!;
    }
    vectors.write(k, sorted);
  });
  return { eigenvalues: values.tensor, eigenvectors: vectors.tensor };
}
