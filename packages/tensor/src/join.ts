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

/** Joins same-shape tensors along a new axis. */
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
  const at = normalizeAxis(op, axis, first.rank + 1, first.shape);
  return concat(
    tensors.map((t) => expandDims(t, at)),
    at,
  );
}
