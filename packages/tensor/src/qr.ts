// QR factorisation by Householder reflections, with LAPACK's (dgeqrf's) conventions so Q and R agree
// with NumPy's: each reflector maps its column onto β·e₁ with β = −sign(α)·‖x‖, and a column that is
// already zero below the diagonal is left alone (no reflection).
import { TensorError } from "./errors.js";
import { forEachMatrix, matrixStack, norm2, stackResult, timesPowerOfTwo } from "./matrix.js";
import type { Tensor } from "./tensor.js";

/** "reduced": Q is m×k and R is k×n with k = min(m, n); "complete": Q is m×m and R is m×n. */
export type QRMode = "reduced" | "complete";

export interface QR {
  q: Tensor;
  r: Tensor;
}

export interface Householder {
  /** R on and above the diagonal, the reflectors' vectors (without their leading 1) below it. */
  a: Float64Array;
  tau: Float64Array;
}

/** Factorises the m×n row-major matrix `a` in place. H_k = I − τ_k v_k v_kᵀ, v_k = [0…0, 1, a[k+1:, k]]. */
export function householder(a: Float64Array, m: number, n: number): Householder {
  const k = Math.min(m, n);
  const tau = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let largestBelow = 0;
    for (let i = j + 1; i < m; i++) largestBelow = Math.max(largestBelow, Math.abs(a[i * n + j]!));
    if (largestBelow === 0) continue; // τ = 0: H is the identity
    // Work on the column scaled by a power of two (exact) so that subnormal columns keep their
    // digits, as LAPACK's dlarfg rescales; v and τ do not depend on the scale, β does.
    const e = -Math.floor(Math.log2(Math.max(Math.abs(a[j * n + j]!), largestBelow)));
    for (let i = j + 1; i < m; i++) a[i * n + j] = timesPowerOfTwo(a[i * n + j]!, e);
    const alpha = timesPowerOfTwo(a[j * n + j]!, e);
    const below = norm2(a, (j + 1) * n + j, m - j - 1, n);
    // Fortran's SIGN(·, α): −0 counts as negative, which is what makes NumPy's R[0,0] positive
    // for a column starting with −0.
    const negative = alpha < 0 || Object.is(alpha, -0);
    const beta = (negative ? 1 : -1) * Math.hypot(alpha, below);
    tau[j] = (beta - alpha) / beta;
    const pivot = alpha - beta;
    for (let i = j + 1; i < m; i++) a[i * n + j]! /= pivot;
    a[j * n + j] = timesPowerOfTwo(beta, -e);
    // Apply H_j to the columns on the right: c ← c − τ v (vᵀ c).
    for (let c = j + 1; c < n; c++) {
      let w = a[j * n + c]!;
      for (let i = j + 1; i < m; i++) w += a[i * n + j]! * a[i * n + c]!;
      w *= tau[j]!;
      a[j * n + c]! -= w;
      for (let i = j + 1; i < m; i++) a[i * n + c]! -= w * a[i * n + j]!;
    }
  }
  return { a, tau };
}

/** The first `cols` columns of Q = H_0 H_1 … H_{k−1} (m×cols, row-major). */
export function formQ(h: Householder, m: number, n: number, cols: number): Float64Array {
  const q = new Float64Array(m * cols);
  for (let i = 0; i < Math.min(m, cols); i++) q[i * cols + i] = 1;
  for (let j = h.tau.length - 1; j >= 0; j--) {
    const t = h.tau[j]!;
    if (t === 0) continue;
    for (let c = 0; c < cols; c++) {
      let w = q[j * cols + c]!;
      for (let i = j + 1; i < m; i++) w += h.a[i * n + j]! * q[i * cols + c]!;
      w *= t;
      q[j * cols + c]! -= w;
      for (let i = j + 1; i < m; i++) q[i * cols + c]! -= w * h.a[i * n + j]!;
    }
  }
  return q;
}

/** R (rows×n): the upper triangle of the factorised matrix, zeros below. */
function formR(h: Householder, m: number, n: number, rows: number): Float64Array {
  const r = new Float64Array(rows * n);
  for (let i = 0; i < Math.min(rows, m); i++) {
    for (let j = i; j < n; j++) r[i * n + j] = h.a[i * n + j]!;
  }
  return r;
}

/**
 * QR factorisation A = Q·R of a matrix [m, n] or a stack [..., m, n] (NumPy's `linalg.qr`): Q has
 * orthonormal columns and R is upper triangular. Signs follow LAPACK, so R's diagonal may be
 * negative, exactly as NumPy returns it.
 */
export function qr(a: Tensor, mode: QRMode = "reduced"): QR {
  const op = "qr";
  const stack = matrixStack(op, a);
  if (mode !== "reduced" && mode !== "complete") {
    throw new TensorError(
      op,
      "argument",
      `mode must be "reduced" or "complete", got ${JSON.stringify(mode)}`,
    );
  }
  const { rows: m, cols: n } = stack;
  const k = mode === "reduced" ? Math.min(m, n) : m;
  const q = stackResult(op, stack, [m, k]);
  const r = stackResult(op, stack, [k, n]);
  forEachMatrix(a, stack, (values, index) => {
    const h = householder(values, m, n);
    q.write(index, formQ(h, m, n, k));
    r.write(index, formR(h, m, n, k));
  });
  return { q: q.tensor, r: r.tensor };
}
