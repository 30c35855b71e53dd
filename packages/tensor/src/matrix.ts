// Shared plumbing for linear algebra on stacks of matrices: a tensor [..., m, n] is read one m×n
// matrix at a time into a row-major Float64Array, and results are written back the same way.
import { type DType, floatResult } from "./dtype.js";
import { formatShape, TensorError } from "./errors.js";
import { forEachIndex } from "./strided.js";
import { allocateTensor, Tensor } from "./tensor.js";

export interface MatrixStack {
  /** The leading (batch) axes. */
  batch: number[];
  rows: number;
  cols: number;
  /** The dtype results are stored in: float32 stays, everything else becomes float64. */
  dtype: DType;
}

/** Checks that `a` is a Tensor with at least two axes and describes its stack of matrices. */
export function matrixStack(op: string, a: unknown, name = "A"): MatrixStack {
  if (!(a instanceof Tensor)) {
    throw new TensorError(op, "argument", `${name} must be a Tensor, got ${typeof a}`);
  }
  if (a.rank < 2) {
    throw new TensorError(
      op,
      "shape",
      `${name} needs at least two axes (a matrix or a stack of them), got shape ${formatShape(a.shape)}`,
    );
  }
  return {
    batch: a.shape.slice(0, -2),
    rows: a.shape[a.rank - 2]!,
    cols: a.shape[a.rank - 1]!,
    dtype: floatResult(a.dtype),
  };
}

/** Like matrixStack, but the matrices must be square; returns their order n. */
export function squareStack(op: string, a: unknown, name = "A"): MatrixStack {
  const stack = matrixStack(op, a, name);
  if (stack.rows !== stack.cols) {
    throw new TensorError(
      op,
      "shape",
      `needs square matrices in the last two axes, got shape ${formatShape((a as Tensor).shape)}`,
    );
  }
  return stack;
}

/** Row-major float64 copy of the rows×cols matrix of `t` whose first element is at `offset`. */
export function readMatrix(t: Tensor, offset: number, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  const rs = t.strides[t.rank - 2]!;
  const cs = t.strides[t.rank - 1]!;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[i * cols + j] = t.data[offset + i * rs + j * cs]!;
  }
  return out;
}

/** The batch index of the `count`-th matrix of a stack with batch shape `batch`. */
export function batchIndex(batch: readonly number[], count: number): number[] {
  const index = new Array<number>(batch.length).fill(0);
  for (let axis = batch.length - 1; axis >= 0; axis--) {
    index[axis] = count % batch[axis]!;
    count = Math.floor(count / batch[axis]!);
  }
  return index;
}

/** Calls `visit(matrix, k, index)` for the k-th matrix of `a` (row-major order of the batch). */
export function forEachMatrix(
  a: Tensor,
  stack: MatrixStack,
  visit: (values: Float64Array, k: number, index: number[]) => void,
): void {
  let k = 0;
  forEachIndex(stack.batch, [a.strides.slice(0, -2)], [a.offset], ([p]) => {
    visit(readMatrix(a, p!, stack.rows, stack.cols), k, batchIndex(stack.batch, k));
    k++;
  });
}

/** A new result tensor [...batch, ...shape] whose k-th block is written by `write(k, values)`. */
export function stackResult(
  op: string,
  stack: MatrixStack,
  shape: readonly number[],
): { tensor: Tensor; write: (k: number, values: ArrayLike<number>) => void } {
  const tensor = allocateTensor(op, stack.dtype, [...stack.batch, ...shape]);
  const size = shape.reduce((n, d) => n * d, 1);
  return { tensor, write: (k, values) => tensor.data.set(values, k * size) };
}

/** "matrix [0, 1] of shape [2, 2, 3, 3]" or "shape [3, 3]": where an error happened. */
export function describeMatrix(shape: readonly number[], index: readonly number[]): string {
  return index.length
    ? `matrix ${formatShape(index)} of shape ${formatShape(shape)}`
    : `shape ${formatShape(shape)}`;
}

/** Throws when a matrix has NaN or infinite entries, which iterative methods cannot converge on. */
export function checkFinite(
  op: string,
  values: Float64Array,
  shape: readonly number[],
  index: number[],
): void {
  for (const x of values) {
    if (!Number.isFinite(x)) {
      throw new TensorError(
        op,
        "argument",
        `matrix has a ${x} entry (${describeMatrix(shape, index)}); ${op} needs finite values`,
      );
    }
  }
}

/**
 * The e with 2^e·max|v| in [1, 2) (0 for a zero matrix): scaling by 2^e is exact and keeps sums of
 * squares in the iterative methods clear of overflow and underflow.
 */
export function scaleExponent(v: Float64Array): number {
  let largest = 0;
  for (const x of v) largest = Math.max(largest, Math.abs(x));
  if (largest === 0 || !Number.isFinite(largest)) return 0;
  return -Math.floor(Math.log2(largest));
}

/** x·2^e in two exact steps (2^e alone overflows for |e| > 1023). */
export function timesPowerOfTwo(x: number, e: number): number {
  return x * 2 ** Math.ceil(e / 2) * 2 ** Math.floor(e / 2);
}

/** Scales every entry of `v` by 2^e in place. */
export function scaleInPlace(v: Float64Array, e: number): void {
  if (e === 0) return;
  for (let i = 0; i < v.length; i++) v[i] = timesPowerOfTwo(v[i]!, e);
}

/** ‖v‖₂ of `count` values from `start` with step `step`, scaled so squares neither overflow nor underflow. */
export function norm2(v: Float64Array, start = 0, count = v.length - start, step = 1): number {
  let scale = 0;
  for (let i = 0, p = start; i < count; i++, p += step) scale = Math.max(scale, Math.abs(v[p]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let sum = 0;
  for (let i = 0, p = start; i < count; i++, p += step) {
    const x = v[p]! / scale;
    sum += x * x;
  }
  return scale * Math.sqrt(sum);
}
