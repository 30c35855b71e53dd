// LU factorisation with partial pivoting (Doolittle, row-major, in place): P·A = L·U with unit
// lower-triangular L and upper-triangular U stored together in one n×n array.

export interface LU {
  n: number;
  /** L below the diagonal (unit diagonal implied) and U on and above it. */
  lu: Float64Array;
  /** Row i of P·A is row pivots[i] of A. */
  pivots: Int32Array;
  /** Determinant of P: +1 or -1. */
  sign: number;
  /** The first column whose pivot is exactly zero (the matrix is singular), or -1. */
  zeroPivot: number;
}

/** Factorises the n×n row-major matrix `a` (which it overwrites). */
export function luFactor(a: Float64Array, n: number): LU {
  const pivots = Int32Array.from({ length: n }, (_, i) => i);
  let sign = 1;
  let zeroPivot = -1;
  for (let col = 0; col < n; col++) {
    let best = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(a[r * n + col]!) > Math.abs(a[best * n + col]!)) best = r;
    }
    if (best !== col) {
      for (let c = 0; c < n; c++) {
        const tmp = a[col * n + c]!;
        a[col * n + c] = a[best * n + c]!;
        a[best * n + c] = tmp;
      }
      [pivots[col], pivots[best]] = [pivots[best]!, pivots[col]!];
      sign = -sign;
    }
    const pivot = a[col * n + col]!;
    if (pivot === 0) {
      if (zeroPivot < 0) zeroPivot = col;
      continue;
    }
    for (let r = col + 1; r < n; r++) {
      const factor = a[r * n + col]! / pivot;
      a[r * n + col] = factor;
      if (factor === 0) continue;
      for (let c = col + 1; c < n; c++) a[r * n + c]! -= factor * a[col * n + c]!;
    }
  }
  return { n, lu: a, pivots, sign, zeroPivot };
}

/** Solves A·X = B for X given A's factorisation; B is n×k row-major and is not modified. */
export function luSolve(f: LU, b: Float64Array, k: number): Float64Array {
  const { n, lu, pivots } = f;
  const x = new Float64Array(n * k);
  for (let i = 0; i < n; i++) x.set(b.subarray(pivots[i]! * k, pivots[i]! * k + k), i * k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const l = lu[i * n + j]!;
      if (l !== 0) for (let c = 0; c < k; c++) x[i * k + c]! -= l * x[j * k + c]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      const u = lu[i * n + j]!;
      if (u !== 0) for (let c = 0; c < k; c++) x[i * k + c]! -= u * x[j * k + c]!;
    }
    const d = lu[i * n + i]!;
    for (let c = 0; c < k; c++) x[i * k + c]! /= d;
  }
  return x;
}

/** det(A) = sign(P) · ∏ diag(U). */
export function luDeterminant(f: LU): number {
  let det = f.sign;
  for (let i = 0; i < f.n; i++) det *= f.lu[i * f.n + i]!;
  return det;
}

/** Solves Aᵀ·x = b for one vector b: Aᵀ = Uᵀ·Lᵀ·P, so solve Uᵀy = b, Lᵀz = y, then x = Pᵀz. */
export function luSolveTransposed(f: LU, b: Float64Array): Float64Array {
  const { n, lu, pivots } = f;
  const z = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) z[i]! -= lu[j * n + i]! * z[j]!;
    z[i]! /= lu[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) z[i]! -= lu[j * n + i]! * z[j]!;
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[pivots[i]!] = z[i]!;
  return x;
}

function norm1(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += Math.abs(x);
  return s;
}

/**
 * A lower estimate of ‖A⁻¹‖₁ from A's factorisation (Hager's method with Higham's refinements, as
 * in LAPACK's dlacon): at most five pairs of O(n²) solves instead of forming the inverse.
 */
export function estimateInverseNorm1(f: LU): number {
  const { n } = f;
  if (n === 0) return 0;
  let x = new Float64Array(n).fill(1 / n);
  let estimate = 0;
  let previous = -1;
  for (let iteration = 0; iteration < 5; iteration++) {
    const y = luSolve(f, x, 1);
    estimate = norm1(y);
    const signs = y.map((v) => (v >= 0 ? 1 : -1));
    const z = luSolveTransposed(f, signs);
    let best = 0;
    for (let i = 1; i < n; i++) if (Math.abs(z[i]!) > Math.abs(z[best]!)) best = i;
    let zx = 0;
    for (let i = 0; i < n; i++) zx += z[i]! * x[i]!;
    if (best === previous || Math.abs(z[best]!) <= zx) break;
    previous = best;
    x = new Float64Array(n);
    x[best] = 1;
  }
  // Higham's extra test vector guards against the cases where the iteration stalls low.
  const alternating = Float64Array.from(
    { length: n },
    (_, i) => (i % 2 === 0 ? 1 : -1) * (1 + (n > 1 ? i / (n - 1) : 0)),
  );
  return Math.max(estimate, (2 * norm1(luSolve(f, alternating, 1))) / (3 * n));
}

/** Maximum absolute column sum of the n×n row-major matrix `a`. */
export function matrixNorm1(a: Float64Array, n: number): number {
  let best = 0;
  for (let c = 0; c < n; c++) {
    let s = 0;
    for (let r = 0; r < n; r++) s += Math.abs(a[r * n + c]!);
    if (!(s <= best)) best = s;
  }
  return best;
}

export type Singularity =
  | { kind: "regular" }
  | { kind: "exact"; pivot: number }
  | { kind: "numerical"; reason: "pivot" | "condition"; value: number; threshold: number };

/**
 * Whether a factorised matrix (with 1-norm `normA` before factorising) can be solved with:
 * singular when a pivot is exactly zero; numerically singular when a pivot is at most
 * n·ε·‖A‖₁ (the size of the rounding error LU makes in it), or when the estimated reciprocal
 * condition number 1/(‖A‖₁·‖A⁻¹‖₁) is below ε (no correct digit is left in a solution).
 */
export function classifySingularity(f: LU, normA: number): Singularity {
  if (f.zeroPivot >= 0) return { kind: "exact", pivot: f.zeroPivot };
  // NaN or infinite entries: nothing to say about conditioning; the result carries the NaNs.
  if (!Number.isFinite(normA)) return { kind: "regular" };
  const { n, lu } = f;
  const pivotThreshold = n * Number.EPSILON * normA;
  for (let i = 0; i < n; i++) {
    const value = Math.abs(lu[i * n + i]!);
    if (value <= pivotThreshold) {
      return { kind: "numerical", reason: "pivot", value, threshold: pivotThreshold };
    }
  }
  const rcond = 1 / (normA * estimateInverseNorm1(f));
  if (rcond < Number.EPSILON) {
    return { kind: "numerical", reason: "condition", value: rcond, threshold: Number.EPSILON };
  }
  return { kind: "regular" };
}
