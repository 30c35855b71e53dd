// Symmetry checks shared by cholesky and eigh, which both refuse matrices that are not symmetric.
import { TensorError } from "./errors.js";
import { describeMatrix } from "./matrix.js";

/**
 * The first entry (row > column) where a_ij and a_ji differ by more than rounding: 64·n·ε times
 * the largest |entry|, generous enough for matrices computed as XᵀX in floating point.
 */
export function asymmetry(a: Float64Array, n: number): [number, number] | undefined {
  let largest = 0;
  for (const x of a) largest = Math.max(largest, Math.abs(x));
  const tolerance = 64 * n * Number.EPSILON * largest;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (!(Math.abs(a[i * n + j]! - a[j * n + i]!) <= tolerance)) return [i, j];
    }
  }
  return undefined;
}

export function notSymmetric(
  op: string,
  shape: readonly number[],
  matrix: number[],
  a: Float64Array,
  n: number,
  at: [number, number],
): TensorError {
  const [row, column] = at;
  return new TensorError(
    op,
    "not-symmetric",
    `matrix is not symmetric: A[${row}, ${column}] = ${a[row * n + column]} but A[${column}, ${row}] = ${a[column * n + row]} (${describeMatrix(shape, matrix)})`,
    { code: "not-symmetric", matrix, row, column },
  );
}
