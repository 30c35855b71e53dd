// Matrix products with NumPy semantics: 1-D operands are promoted to a row (left) or column
// (right) and the added axis removed again; leading batch axes broadcast.
import { mul } from "./arithmetic.js";
import { arithmeticResult, checkAllocation, type DType, promoteTypes } from "./dtype.js";
import { formatShape, TensorError } from "./errors.js";
import { gemm, type StridedMatrix } from "./gemm.js";
import { recordMultiplications } from "./instrumentation.js";
import { broadcastShapesFor, broadcastStrides, sizeOf } from "./shape.js";
import { forEachIndex } from "./strided.js";
import { allocateResult, Tensor } from "./tensor.js";
import { expandDims, permute, reshape } from "./views.js";

function checkTensor(op: string, value: unknown, name: string): Tensor {
  if (!(value instanceof Tensor)) {
    throw new TensorError(op, "argument", `${name} must be a Tensor, got ${typeof value}`);
  }
  return value;
}

/** int32 product with 32-bit wrap-around, as NumPy computes integer matmul. */
function int32Product(
  m: number,
  n: number,
  k: number,
  a: StridedMatrix,
  b: StridedMatrix,
  c: Int32Array,
  cOffset: number,
) {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let p = 0; p < k; p++) {
        const x = a.data[a.offset + i * a.rowStride + p * a.colStride]!;
        const y = b.data[b.offset + p * b.rowStride + j * b.colStride]!;
        acc = (acc + Math.imul(x, y)) | 0;
      }
      c[cOffset + i * n + j] = acc;
    }
  }
}

function matrixAt(t: Tensor, offset: number): StridedMatrix {
  return {
    data: t.data,
    offset,
    rowStride: t.strides[t.rank - 2]!,
    colStride: t.strides[t.rank - 1]!,
  };
}

/** Product of two matrices or stacks of matrices (`a @ b` in NumPy). */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const op = "matmul";
  checkTensor(op, a, "a");
  checkTensor(op, b, "b");
  if (a.rank === 0 || b.rank === 0) {
    throw new TensorError(
      op,
      "shape",
      `operands must have at least one axis, got shapes ${formatShape(a.shape)} and ${formatShape(b.shape)}`,
    );
  }
  const left = a.rank === 1 ? expandDims(a, 0) : a;
  const right = b.rank === 1 ? expandDims(b, 1) : b;
  const m = left.shape[left.rank - 2]!;
  const k = left.shape[left.rank - 1]!;
  const n = right.shape[right.rank - 1]!;
  if (right.shape[right.rank - 2] !== k) {
    throw new TensorError(
      op,
      "shape",
      `inner dimensions differ: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} (${k} ≠ ${right.shape[right.rank - 2]})`,
    );
  }
  const leftBatch = left.shape.slice(0, -2);
  const rightBatch = right.shape.slice(0, -2);
  const batch = broadcastShapesFor(op, [leftBatch, rightBatch]);
  const dtype: DType = arithmeticResult(promoteTypes(a.dtype, b.dtype));
  // Every product below writes all m·n entries of its matrix (gemm overwrites C, whatever it held),
  // so the result need not be zero-filled first.
  const out = allocateResult(op, dtype, [...batch, m, n]);
  const leftStrides = broadcastStrides(leftBatch, left.strides.slice(0, -2), batch);
  const rightStrides = broadcastStrides(rightBatch, right.strides.slice(0, -2), batch);
  const scratch = dtype === "float32" ? new Float64Array(m * n) : undefined;
  let cOffset = 0;
  forEachIndex(batch, [leftStrides, rightStrides], [left.offset, right.offset], ([p, q]) => {
    const x = matrixAt(left, p!);
    const y = matrixAt(right, q!);
    if (out.data instanceof Int32Array) {
      int32Product(m, n, k, x, y, out.data, cOffset);
    } else if (out.data instanceof Float64Array) {
      gemm(m, n, k, x, y, out.data, cOffset);
    } else if (scratch) {
      gemm(m, n, k, x, y, scratch);
      out.data.set(scratch, cOffset);
    }
    recordMultiplications(m * n * k);
    cOffset += m * n;
  });
  const shape = [...batch, ...(a.rank === 1 ? [] : [m]), ...(b.rank === 1 ? [] : [n])];
  return reshape(out, shape);
}

/**
 * NumPy `dot`: scalars multiply, 1-D·1-D is the inner product, 2-D is matmul, and N-D sums over
 * the last axis of `a` and the second-to-last of `b`.
 */
export function dot(a: Tensor, b: Tensor): Tensor {
  const op = "dot";
  checkTensor(op, a, "a");
  checkTensor(op, b, "b");
  if (a.rank === 0 || b.rank === 0) return mul(a, b);
  const k = a.shape[a.rank - 1]!;
  const bk = b.shape[Math.max(0, b.rank - 2)]!;
  if (bk !== k) {
    throw new TensorError(
      op,
      "shape",
      `shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} not aligned (${k} ≠ ${bk})`,
    );
  }
  if (b.rank === 1 || (a.rank <= 2 && b.rank <= 2)) return matmul(a, b);
  const contractedFirst = permute(b, [
    b.rank - 2,
    ...b.shape.slice(0, -2).map((_, i) => i),
    b.rank - 1,
  ]);
  // Explicit sizes rather than -1, which is ambiguous when k is 0.
  const product = matmul(
    reshape(a, [sizeOf(a.shape.slice(0, -1)), k]),
    reshape(contractedFirst, [k, sizeOf(contractedFirst.shape.slice(1))]),
  );
  return reshape(product, [...a.shape.slice(0, -1), ...b.shape.slice(0, -2), b.shape[b.rank - 1]!]);
}

/** Outer product of the flattened operands: result[i, j] = a[i]·b[j]. */
export function outer(a: Tensor, b: Tensor): Tensor {
  checkTensor("outer", a, "a");
  checkTensor("outer", b, "b");
  checkAllocation("outer", promoteTypes(a.dtype, b.dtype), [a.size, b.size]);
  return mul(reshape(a, [-1, 1]), reshape(b, [1, -1]));
}
