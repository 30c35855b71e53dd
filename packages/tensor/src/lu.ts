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
  /** True when some pivot is exactly zero (the matrix is singular). */
  singular: boolean;
}

/** Factorises the n×n row-major matrix `a` (which it overwrites). */
export function luFactor(a: Float64Array, n: number): LU {
  const pivots = Int32Array.from({ length: n }, (_, i) => i);
  let sign = 1;
  let singular = false;
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
      singular = true;
      continue;
    }
    for (let r = col + 1; r < n; r++) {
      const factor = a[r * n + col]! / pivot;
      a[r * n + col] = factor;
      if (factor === 0) continue;
      for (let c = col + 1; c < n; c++) a[r * n + c]! -= factor * a[col * n + c]!;
    }
  }
  return { n, lu: a, pivots, sign, singular };
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
