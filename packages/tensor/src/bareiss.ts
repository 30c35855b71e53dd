// Exact determinants of integer matrices by fraction-free (Bareiss) elimination.
//
// Every intermediate value of Bareiss's elimination is a minor of A, and a minor's magnitude is at
// most the Hadamard bound H = ∏ ‖row_i‖₂ once every row is nonzero (rows of integers then have norm
// ≥ 1). Each step computes (p·a − b·c) / previousPivot from products of two minors, so when
// 2H² ≤ 2^53 every product, difference and (exact, by Bareiss's theorem) quotient is an integer below
// 2^53 and float64 arithmetic on it is exact.

// H ≤ 2^25 leaves room for the rounding of H itself (2H² ≤ 2^51 < 2^53).
const EXACT_BOUND = 2 ** 25;

/**
 * det(A) exactly when A (n×n row-major) has only integer entries and a Hadamard bound of at most
 * 2^25; otherwise undefined (the caller falls back to LU).
 */
export function exactIntegerDeterminant(a: Float64Array, n: number): number | undefined {
  let bound = 1;
  for (let r = 0; r < n; r++) {
    let squares = 0;
    for (let c = 0; c < n; c++) {
      const x = a[r * n + c]!;
      if (!Number.isInteger(x)) return undefined;
      squares += x * x;
    }
    if (squares === 0) return 0;
    bound *= Math.sqrt(squares);
    if (bound > EXACT_BOUND) return undefined;
  }
  const m = Float64Array.from(a);
  let sign = 1;
  let previous = 1;
  for (let k = 0; k < n; k++) {
    let pivotRow = k;
    while (pivotRow < n && m[pivotRow * n + k] === 0) pivotRow++;
    if (pivotRow === n) return 0;
    if (pivotRow !== k) {
      for (let c = 0; c < n; c++) {
        const t = m[k * n + c]!;
        m[k * n + c] = m[pivotRow * n + c]!;
        m[pivotRow * n + c] = t;
      }
      sign = -sign;
    }
    const pivot = m[k * n + k]!;
    for (let r = k + 1; r < n; r++) {
      for (let c = k + 1; c < n; c++) {
        m[r * n + c] = (pivot * m[r * n + c]! - m[r * n + k]! * m[k * n + c]!) / previous;
      }
    }
    previous = pivot;
  }
  return n === 0 ? 1 : sign * m[(n - 1) * n + (n - 1)]!;
}
