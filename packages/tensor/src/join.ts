import { promoteTypes } from "./dtype.js";
import { formatShape, TensorError } from "./errors.js";
import { normalizeAxis } from "./shape.js";
import { copyInto } from "./strided.js";
import { allocateTensor, Tensor } from "./tensor.js";
import { expandDims, type SliceSpec, slice } from "./views.js";

function checkList(op: string, tensors: readonly Tensor[]): void {
  if (!Array.isArray(tensors) || tensors.length === 0) {
    throw new TensorError(op, "argument", "needs a non-empty array of tensors");
  }
  tensors.forEach((t, i) => {
    if (!(t instanceof Tensor)) {
      throw new TensorError(op, "argument", `element ${i} is not a Tensor`);
    }
  });
}

/** Joins tensors along an existing axis; all other dimensions must agree. dtypes promote. */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  const op = "concat";
  checkList(op, tensors);
  const first = tensors[0]!;
  if (first.rank === 0) throw new TensorError(op, "shape", "cannot concatenate 0-d tensors");
  const at = normalizeAxis(op, axis, first.rank, first.shape);
  for (const t of tensors) {
    const compatible =
      t.rank === first.rank && t.shape.every((d, i) => i === at || d === first.shape[i]);
    if (!compatible) {
      throw new TensorError(
        op,
        "shape",
        `shapes ${tensors.map((x) => formatShape(x.shape)).join(", ")} differ outside axis ${at}`,
      );
    }
  }
  const shape = [...first.shape];
  shape[at] = tensors.reduce((n, t) => n + t.shape[at]!, 0);
  const dtype = tensors.map((t) => t.dtype).reduce(promoteTypes);
  const out = allocateTensor(op, dtype, shape);
  let start = 0;
  for (const t of tensors) {
    const range: SliceSpec = [start, start + t.shape[at]!];
    copyInto(slice(out, ...shape.map((_, i) => (i === at ? range : null))), t);
    start += t.shape[at]!;
  }
  return out;
}

/**
 * Joins same-shape tensors along a new axis, NumPy's `stack`: the result's axis `axis` (default 0,
 * negative counts from the end of the result) indexes the inputs, so stacking k tensors of shape
 * [2, 3] gives [k, 2, 3] (axis 0), [2, k, 3] (axis 1) or [2, 3, k] (axis 2 or -1).
 */
export function stack(tensors: readonly Tensor[], axis = 0): Tensor {
  const op = "stack";
  checkList(op, tensors);
  const first = tensors[0]!;
  for (const t of tensors) {
    if (t.rank !== first.rank || t.shape.some((d, i) => d !== first.shape[i])) {
      throw new TensorError(
        op,
        "shape",
        `all shapes must match, got ${tensors.map((x) => formatShape(x.shape)).join(", ")}`,
      );
    }
  }
  // The new axis indexes the result, which has one more axis than the inputs (NumPy's rule).
  const rank = first.rank + 1;
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new TensorError(
      op,
      "axis",
      `axis ${axis} is out of bounds for stacking shape ${formatShape(first.shape)} (the result has rank ${rank}, so axis is in [${-rank}, ${rank - 1}])`,
    );
  }
  const at = axis < 0 ? axis + rank : axis;
  return concat(
    tensors.map((t) => expandDims(t, at)),
    at,
  );
}
