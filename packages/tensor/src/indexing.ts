// Integer-array and boolean indexing, NumPy's `take`, `np.add.at` and `x[mask]`. `gather` reads
// the tensor as [outer, n, inner] blocks and copies the picked inner runs; `scatterAdd` is its
// adjoint (the same walk, adding instead of reading), so repeated indices accumulate.
import { arithmeticResult, promoteTypes } from "./dtype.js";
import { formatShape, TensorError } from "./errors.js";
import { normalizeAxis, sameShape } from "./shape.js";
import { allocateTensor, Tensor } from "./tensor.js";
import { reshape } from "./views.js";

function checkTensor(op: string, value: unknown, name: string): Tensor {
  if (!(value instanceof Tensor)) {
    throw new TensorError(op, "argument", `${name} must be a Tensor, got ${typeof value}`);
  }
  return value;
}

/** The indices as non-negative positions below n (negative ones count from the end). */
function positions(op: string, indices: Tensor, n: number, axis: number): Int32Array {
  if (indices.dtype !== "int32") {
    throw new TensorError(op, "dtype", `indices must be int32, got ${indices.dtype}`);
  }
  const raw = indices.toTypedArray() as Int32Array;
  const out = new Int32Array(raw.length);
  raw.forEach((k, i) => {
    const p = k < 0 ? k + n : k;
    if (p < 0 || p >= n) {
      throw new TensorError(
        op,
        "argument",
        `index ${k} (entry ${i} of the indices) is out of bounds for axis ${axis} of size ${n}`,
      );
    }
    out[i] = p;
  });
  return out;
}

/** t's axes around `at` as block sizes: outer (before), n (the axis), inner (after). */
function blocks(t: Tensor, at: number) {
  const product = (dims: readonly number[]) => dims.reduce((p, d) => p * d, 1);
  return {
    outer: product(t.shape.slice(0, at)),
    n: t.shape[at]!,
    inner: product(t.shape.slice(at + 1)),
  };
}

/**
 * NumPy's `take(t, indices, axis)`: the entries at int32 `indices` along `axis` (default 0), of
 * shape t.shape[:axis] + indices.shape + t.shape[axis+1:]. `gather(x, tensor([2, 0]))` is `x[[2, 0]]`.
 */
export function gather(t: Tensor, indices: Tensor, axis = 0): Tensor {
  const op = "gather";
  checkTensor(op, t, "t");
  checkTensor(op, indices, "indices");
  if (t.rank === 0) throw new TensorError(op, "shape", "cannot index a 0-d tensor");
  const at = normalizeAxis(op, axis, t.rank, t.shape);
  const { outer, n, inner } = blocks(t, at);
  const picked = positions(op, indices, n, at);
  const shape = [...t.shape.slice(0, at), ...indices.shape, ...t.shape.slice(at + 1)];
  const out = allocateTensor(op, t.dtype, shape);
  // A contiguous view may still start at an offset into its storage.
  const contiguous = t.contiguous();
  const src = contiguous.data;
  const dst = out.data;
  let q = 0;
  for (let o = 0; o < outer; o++) {
    for (const p of picked) {
      const from = contiguous.offset + (o * n + p) * inner;
      for (let k = 0; k < inner; k++) dst[q++] = src[from + k]!;
    }
  }
  return out;
}

/**
 * `t` with `updates` added at int32 `indices` along `axis`, as JAX's `t.at[indices].add(updates)`
 * or NumPy's `np.add.at` on a copy: repeated indices add up. `updates` has the shape `gather`
 * would return; the result has t's shape, and the dtype t and updates promote to (bool counts as
 * int32).
 */
export function scatterAdd(t: Tensor, indices: Tensor, updates: Tensor, axis = 0): Tensor {
  const op = "scatterAdd";
  checkTensor(op, t, "t");
  checkTensor(op, indices, "indices");
  checkTensor(op, updates, "updates");
  if (t.rank === 0) throw new TensorError(op, "shape", "cannot index a 0-d tensor");
  const at = normalizeAxis(op, axis, t.rank, t.shape);
  const expected = [...t.shape.slice(0, at), ...indices.shape, ...t.shape.slice(at + 1)];
  if (!sameShape(updates.shape, expected)) {
    throw new TensorError(
      op,
      "shape",
      `updates of shape ${formatShape(updates.shape)} do not match ${formatShape(expected)} (what gather of indices ${formatShape(indices.shape)} along axis ${at} of ${formatShape(t.shape)} gives)`,
    );
  }
  const { outer, n, inner } = blocks(t, at);
  const picked = positions(op, indices, n, at);
  // A fresh contiguous copy in the dtype the sum needs.
  const out = t.astype(arithmeticResult(promoteTypes(t.dtype, updates.dtype)));
  const contiguous = updates.contiguous();
  const src = contiguous.data;
  const dst = out.data;
  const wrap = out.dtype === "int32";
  let q = contiguous.offset;
  for (let o = 0; o < outer; o++) {
    for (const p of picked) {
      const to = (o * n + p) * inner;
      for (let k = 0; k < inner; k++) {
        const sum = dst[to + k]! + src[q++]!;
        dst[to + k] = wrap ? sum | 0 : sum;
      }
    }
  }
  return out;
}

/** NumPy's `flatnonzero`: the row-major positions of the true (non-zero) entries, as int32. */
export function flatnonzero(mask: Tensor): Tensor {
  const values = checkTensor("flatnonzero", mask, "mask").toTypedArray();
  const found: number[] = [];
  values.forEach((v, i) => {
    if (v !== 0) found.push(i);
  });
  return new Tensor(Int32Array.from(found), [found.length]);
}

/**
 * NumPy's `t[mask]` for a bool `mask` covering t's leading axes: the selected entries (or
 * sub-arrays) in row-major order, of shape [number of trues, ...t.shape[mask.rank:]].
 */
export function booleanMask(t: Tensor, mask: Tensor): Tensor {
  const op = "booleanMask";
  checkTensor(op, t, "t");
  checkTensor(op, mask, "mask");
  if (mask.dtype !== "bool") {
    throw new TensorError(op, "dtype", `mask must be bool, got ${mask.dtype}`);
  }
  if (mask.rank === 0 || !sameShape(mask.shape, t.shape.slice(0, mask.rank))) {
    throw new TensorError(
      op,
      "shape",
      `mask of shape ${formatShape(mask.shape)} does not match the leading axes of ${formatShape(t.shape)}`,
    );
  }
  const rows = reshape(t, [-1, ...t.shape.slice(mask.rank)]);
  return gather(rows, flatnonzero(mask), 0);
}
