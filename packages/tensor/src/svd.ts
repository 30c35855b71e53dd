// Singular value decomposition by one-sided (Hestenes) Jacobi: rotate pairs of columns of A until
// they are orthogonal; then the column norms are the singular values, the normalised columns U, and
// the accumulated rotations V. It is accurate even for tiny singular values.
import { TensorError } from "./errors.js";
import {
  checkFinite,
  describeMatrix,
  forEachMatrix,
  matrixStack,
  norm2,
  scaleExponent,
  scaleInPlace,
  stackResult,
} from "./matrix.js";
import { formQ, householder } from "./qr.js";
import type { Tensor } from "./tensor.js";

const MAX_SWEEPS = 100;
/** Singular values (of the scaled matrix) below this are zero: their vectors are completed instead. */
const NEGLIGIBLE = 1e-140;

export interface SVD {
  /** [..., m, m] (fullMatrices) or [..., m, k], k = min(m, n); orthonormal columns. */
  u: Tensor;
  /** Singular values, descending, [..., k]. */
  s: Tensor;
  /** Vᵀ: [..., n, n] (fullMatrices) or [..., k, n]; orthonormal rows. */
  vh: Tensor;
}

interface Thin {
  /** Columns of U, each of length `m`, stored one after another (k of them). */
  u: Float64Array;
  s: Float64Array;
  /** Columns of V, each of length `n` (k of them). */
  v: Float64Array;
}

/**
 * Thin SVD of an m×n row-major matrix with m ≥ n, or undefined if it did not converge. Works on
 * columns stored contiguously (the transpose) so each rotation runs over two contiguous rows.
 */
function jacobiSVD(a: Float64Array, m: number, n: number): Thin | undefined {
  const w = new Float64Array(n * m); // w[j*m + i] = A[i, j]
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) w[j * m + i] = a[i * n + j]!;
  const v = new Float64Array(n * n); // v[j*n + i] = V[i, j]
  for (let j = 0; j < n; j++) v[j * n + j] = 1;
  let converged = false;
  for (let sweep = 0; sweep < MAX_SWEEPS && !converged; sweep++) {
    converged = true;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const x = w[p * m + i]!;
          const y = w[q * m + i]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        // Orthogonal to working precision, or a column too small to matter (the caller scales the
        // largest entry into [1, 2); below NEGLIGIBLE² its square underflows towards nothing).
        const orthogonal = Math.abs(gamma) <= Number.EPSILON * Math.sqrt(alpha) * Math.sqrt(beta);
        if (orthogonal || alpha < NEGLIGIBLE ** 2 || beta < NEGLIGIBLE ** 2) continue;
        converged = false;
        const zeta = (beta - alpha) / (2 * gamma);
        const t =
          Math.abs(zeta) > 1e150
            ? 1 / (2 * zeta)
            : (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const x = w[p * m + i]!;
          const y = w[q * m + i]!;
          w[p * m + i] = c * x - s * y;
          w[q * m + i] = s * x + c * y;
        }
        for (let i = 0; i < n; i++) {
          const x = v[p * n + i]!;
          const y = v[q * n + i]!;
          v[p * n + i] = c * x - s * y;
          v[q * n + i] = s * x + c * y;
        }
      }
    }
  }
  if (!converged) return undefined;
  const norms = Array.from({ length: n }, (_, j) => norm2(w, j * m, m));
  const order = norms.map((_, j) => j).sort((i, j) => norms[j]! - norms[i]!);
  const u = new Float64Array(n * m);
  const sorted = new Float64Array(n);
  const vs = new Float64Array(n * n);
  order.forEach((j, k) => {
    const sigma = norms[j]!;
    sorted[k] = sigma;
    if (sigma > 0) for (let i = 0; i < m; i++) u[k * m + i] = w[j * m + i]! / sigma;
    vs.set(v.subarray(j * n, j * n + n), k * n);
  });
  return { u, s: sorted, v: vs };
}

/**
 * Makes `columns` (count vectors of length m, stored one after another, the first `valid` of them
 * orthonormal) a full orthonormal set: the complete Q of a Householder QR of the valid columns
 * starts with a basis of their span, so its remaining columns are orthonormal to them. O(m²·count).
 */
function completeBasis(columns: Float64Array, m: number, valid: number, count: number): void {
  if (valid === count) return;
  const h = householder(columnsToRows(columns, m, valid), m, valid);
  const q = formQ(h, m, valid, count);
  for (let c = valid; c < count; c++) {
    for (let i = 0; i < m; i++) columns[c * m + i] = q[i * count + c]!;
  }
}

/** Columns stored one after another (count × length) → row-major length × count matrix. */
function columnsToRows(columns: Float64Array, length: number, count: number): Float64Array {
  const out = new Float64Array(length * count);
  for (let c = 0; c < count; c++)
    for (let i = 0; i < length; i++) out[i * count + c] = columns[c * length + i]!;
  return out;
}

/** SVD pieces of one m×n matrix, row-major: U (m×m or m×k), s (k), Vᵀ (n×n or k×n). */
function decompose(
  a: Float64Array,
  m: number,
  n: number,
  full: boolean,
): [Float64Array, Float64Array, Float64Array] | undefined {
  const k = Math.min(m, n);
  // Jacobi wants m ≥ n; for a wide matrix decompose Aᵀ = V·Σ·Uᵀ instead and swap the roles.
  const tall = m >= n;
  const e = scaleExponent(a);
  const scaled = tall ? Float64Array.from(a) : columnsToRows(a, n, m);
  scaleInPlace(scaled, e);
  const thin = tall ? jacobiSVD(scaled, m, n) : jacobiSVD(scaled, n, m);
  if (!thin) return undefined;
  // The long side's vectors: zero singular values leave theirs undefined, and the full
  // decomposition needs more of them than there are singular values. Complete the basis.
  const length = tall ? m : n;
  const count = full ? length : k;
  const long = new Float64Array(length * count);
  long.set(thin.u);
  // After scaling the largest entry is in [1, 2); a column far below that has lost its direction
  // to underflow (or is zero), so its singular vector is completed like the missing ones.
  let valid = 0;
  while (valid < k && thin.s[valid]! > NEGLIGIBLE) valid++;
  completeBasis(long, length, valid, count);
  scaleInPlace(thin.s, -e);
  // Stored column by column, `long` is U's columns (tall) or V's, i.e. Vᵀ's rows (wide).
  if (tall) return [columnsToRows(long, m, count), thin.s, thin.v];
  return [columnsToRows(thin.v, m, m), thin.s, long];
}

function decomposeOrThrow(
  op: string,
  a: Tensor,
  values: Float64Array,
  m: number,
  n: number,
  full: boolean,
  matrix: number[],
): [Float64Array, Float64Array, Float64Array] {
  checkFinite(op, values, a.shape, matrix);
  const result = decompose(values, m, n, full);
  if (!result) {
    throw new TensorError(
      op,
      "no-convergence",
      `Jacobi iteration did not converge in ${MAX_SWEEPS} sweeps (${describeMatrix(a.shape, matrix)})`,
    );
  }
  return result;
}

/**
 * Singular value decomposition A = U·diag(s)·Vᵀ of a matrix [m, n] or a stack [..., m, n], like
 * NumPy's `linalg.svd` (which returns Vᵀ as `vh`): s descending, U and Vᵀ orthonormal, square when
 * `fullMatrices` (the default, as in NumPy), else [m, k] and [k, n] with k = min(m, n). Singular
 * vectors are defined up to sign (and within repeated singular values up to rotation): compare
 * U·diag(s)·Vᵀ with A rather than the vectors with NumPy's.
 */
export function svd(a: Tensor, fullMatrices = true): SVD {
  const op = "svd";
  const stack = matrixStack(op, a);
  const { rows: m, cols: n } = stack;
  const k = Math.min(m, n);
  const u = stackResult(op, stack, [m, fullMatrices ? m : k]);
  const s = stackResult(op, stack, [k]);
  const vh = stackResult(op, stack, [fullMatrices ? n : k, n]);
  forEachMatrix(a, stack, (values, index, matrix) => {
    const [uk, sk, vk] = decomposeOrThrow(op, a, values, m, n, fullMatrices, matrix);
    u.write(index, uk);
    s.write(index, sk);
    vh.write(index, vk);
  });
  return { u: u.tensor, s: s.tensor, vh: vh.tensor };
}

/** Singular values only, descending, [..., min(m, n)] (NumPy's `linalg.svdvals`). */
export function svdvals(a: Tensor): Tensor {
  const op = "svdvals";
  const stack = matrixStack(op, a);
  const { rows: m, cols: n } = stack;
  const s = stackResult(op, stack, [Math.min(m, n)]);
  forEachMatrix(a, stack, (values, index, matrix) => {
    s.write(index, decomposeOrThrow(op, a, values, m, n, false, matrix)[1]);
  });
  return s.tensor;
}
