import { formatShape, TensorError } from "./errors.js";

/** Number of elements of a shape (1 for the scalar shape `[]`). */
export function sizeOf(shape: readonly number[]): number {
  // An index loop: `for…of` over the shared frozen scalar shape allocated an iterator per call.
  let size = 1;
  for (let i = 0; i < shape.length; i++) size *= shape[i]!;
  return size;
}

/** Row-major (C order) strides of a freshly allocated tensor. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = step;
    step *= shape[i]!;
  }
  return strides;
}

/** Checks that every dimension is a non-negative integer and returns a private copy. */
export function checkShape(op: string, shape: readonly number[]): number[] {
  if (!Array.isArray(shape)) {
    throw new TensorError(op, "shape", `shape must be an array of integers, got ${String(shape)}`);
  }
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) {
      throw new TensorError(
        op,
        "shape",
        `shape ${formatShape(shape)} has an invalid dimension ${String(d)}`,
      );
    }
  }
  return [...shape];
}

/** Turns a possibly negative axis into 0..rank-1, or throws naming the op and the shape. */
export function normalizeAxis(
  op: string,
  axis: number,
  rank: number,
  shape: readonly number[],
): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new TensorError(
      op,
      "axis",
      `axis ${axis} is out of bounds for shape ${formatShape(shape)} (rank ${rank})`,
    );
  }
  return axis < 0 ? axis + rank : axis;
}

/** Sorted, distinct, non-negative axes; `undefined` means every axis. */
export function normalizeAxes(
  op: string,
  axis: number | readonly number[] | undefined,
  shape: readonly number[],
): number[] {
  const rank = shape.length;
  if (axis === undefined) return shape.map((_, i) => i);
  const list = typeof axis === "number" ? [axis] : axis;
  const axes = list.map((a) => normalizeAxis(op, a, rank, shape));
  const sorted = [...axes].sort((x, y) => x - y);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) {
      throw new TensorError(
        op,
        "axis",
        `axis ${sorted[i]} repeated for shape ${formatShape(shape)}`,
      );
    }
  }
  return sorted;
}

/** NumPy broadcasting: align shapes on the right; each dimension must match or be 1. */
export function broadcastShapesFor(op: string, shapes: readonly (readonly number[])[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const shape of shapes) {
    for (let i = 0; i < shape.length; i++) {
      const j = rank - shape.length + i;
      const d = shape[i]!;
      if (d === out[j] || d === 1) continue;
      if (out[j] === 1) {
        out[j] = d;
        continue;
      }
      throw new TensorError(
        op,
        "shape",
        `shapes ${shapes.map(formatShape).join(" and ")} cannot be broadcast together`,
      );
    }
  }
  return out;
}

/** The shape NumPy would broadcast the given shapes to. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  return broadcastShapesFor("broadcastShapes", shapes);
}

/** Strides that read a tensor of `shape`/`strides` as if it had the broadcast shape `target`. */
export function broadcastStrides(
  shape: readonly number[],
  strides: readonly number[],
  target: readonly number[],
): number[] {
  const out = new Array<number>(target.length).fill(0);
  const lead = target.length - shape.length;
  for (let i = 0; i < shape.length; i++) {
    out[lead + i] = shape[i] === 1 ? 0 : strides[i]!;
  }
  return out;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
