// Views: new shape/strides/offset over the same storage, so nothing is copied (reshape copies only
// when the strides make a view impossible, exactly as NumPy does).
import { formatShape, TensorError } from "./errors.js";
import {
  broadcastShapesFor,
  broadcastStrides,
  checkShape,
  contiguousStrides,
  normalizeAxes,
  normalizeAxis,
  sameShape,
  sizeOf,
} from "./shape.js";
import { Tensor } from "./tensor.js";

function view(t: Tensor, shape: readonly number[], strides: readonly number[], offset = t.offset) {
  return new Tensor(t.data, shape, strides, offset);
}

/** Replaces at most one -1 by the dimension that keeps the element count. */
function resolveShape(op: string, t: Tensor, shape: readonly number[]): number[] {
  const unknown = shape.filter((d) => d === -1).length;
  if (unknown > 1) {
    throw new TensorError(op, "shape", `only one -1 allowed, got ${formatShape(shape)}`);
  }
  const known = shape.filter((d) => d !== -1);
  checkShape(op, known);
  const knownSize = sizeOf(known);
  if (unknown === 1) {
    if (knownSize === 0 || t.size % knownSize !== 0) {
      throw new TensorError(
        op,
        "shape",
        `cannot reshape ${formatShape(t.shape)} (size ${t.size}) into ${formatShape(shape)}`,
      );
    }
    return shape.map((d) => (d === -1 ? t.size / knownSize : d));
  }
  if (knownSize !== t.size) {
    throw new TensorError(
      op,
      "shape",
      `cannot reshape ${formatShape(t.shape)} (size ${t.size}) into ${formatShape(shape)}`,
    );
  }
  return [...shape];
}

/**
 * Strides that read the same elements with `newShape`, or undefined when the layout needs a copy.
 * Follows NumPy's `_attempt_nocopy_reshape`: group old and new axes with equal products and check
 * each old group is itself contiguous.
 */
function reshapeStrides(t: Tensor, newShape: readonly number[]): number[] | undefined {
  const oldDims: number[] = [];
  const oldStrides: number[] = [];
  t.shape.forEach((d, i) => {
    if (d !== 1) {
      oldDims.push(d);
      oldStrides.push(t.strides[i]!);
    }
  });
  const strides = new Array<number>(newShape.length);
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newShape.length && oi < oldDims.length) {
    let newProduct = newShape[ni]!;
    let oldProduct = oldDims[oi]!;
    while (newProduct !== oldProduct) {
      if (newProduct < oldProduct) newProduct *= newShape[nj++]!;
      else oldProduct *= oldDims[oj++]!;
    }
    for (let k = oi; k < oj - 1; k++) {
      if (oldStrides[k] !== oldDims[k + 1]! * oldStrides[k + 1]!) return undefined;
    }
    strides[nj - 1] = oldStrides[oj - 1]!;
    for (let k = nj - 1; k > ni; k--) strides[k - 1] = strides[k]! * newShape[k]!;
    ni = nj++;
    oi = oj++;
  }
  const trailing = ni >= 1 ? strides[ni - 1]! : 1;
  for (let k = ni; k < newShape.length; k++) strides[k] = trailing;
  return strides;
}

/** Same elements in a new shape (one dimension may be -1). A view whenever the layout allows. */
export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  const target = resolveShape("reshape", t, shape);
  if (t.size === 0) return view(t, target, contiguousStrides(target));
  const strides = reshapeStrides(t, target);
  if (strides) return view(t, target, strides);
  return new Tensor(t.clone().data, target);
}

/** Reorders axes: `permute(t, [2, 0, 1])` puts axis 2 first. */
export function permute(t: Tensor, axes: readonly number[]): Tensor {
  const op = "permute";
  if (axes.length !== t.rank) {
    throw new TensorError(
      op,
      "axis",
      `axes [${axes.join(", ")}] do not match shape ${formatShape(t.shape)} (rank ${t.rank})`,
    );
  }
  const normalized = axes.map((a) => normalizeAxis(op, a, t.rank, t.shape));
  if (new Set(normalized).size !== normalized.length) {
    throw new TensorError(op, "axis", `axes [${axes.join(", ")}] repeat an axis`);
  }
  return view(
    t,
    normalized.map((a) => t.shape[a]!),
    normalized.map((a) => t.strides[a]!),
  );
}

/** Reverses the axes, or permutes them as given. */
export function transpose(t: Tensor, axes?: readonly number[]): Tensor {
  return permute(t, axes ?? t.shape.map((_, i) => t.rank - 1 - i));
}

/** Swaps the last two axes (the matrix transpose of every matrix in a stack), a view. */
export function matrixTranspose(t: Tensor): Tensor {
  if (!(t instanceof Tensor) || t.rank < 2) {
    throw new TensorError(
      "matrixTranspose",
      "shape",
      `needs at least two axes, got ${t instanceof Tensor ? `shape ${formatShape(t.shape)}` : typeof t}`,
    );
  }
  const axes = t.shape.map((_, i) => i);
  axes[t.rank - 2] = t.rank - 1;
  axes[t.rank - 1] = t.rank - 2;
  return permute(t, axes);
}

/** Removes axes of length 1 (all of them, or those named, which must have length 1). */
export function squeeze(t: Tensor, axis?: number | readonly number[]): Tensor {
  const op = "squeeze";
  const axes =
    axis === undefined
      ? t.shape.flatMap((d, i) => (d === 1 ? [i] : []))
      : normalizeAxes(op, axis, t.shape);
  for (const a of axes) {
    if (t.shape[a] !== 1) {
      throw new TensorError(
        op,
        "axis",
        `cannot squeeze axis ${a} of length ${t.shape[a]} in shape ${formatShape(t.shape)}`,
      );
    }
  }
  const keep = t.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  return view(
    t,
    keep.map((i) => t.shape[i]!),
    keep.map((i) => t.strides[i]!),
  );
}

/** Inserts an axis of length 1 at `axis` (in the result's numbering, -1 means last). */
export function expandDims(t: Tensor, axis: number): Tensor {
  const at = normalizeAxis("expandDims", axis, t.rank + 1, t.shape);
  const shape = [...t.shape];
  const strides = [...t.strides];
  shape.splice(at, 0, 1);
  strides.splice(at, 0, 0);
  return view(t, shape, strides);
}

/** One slicing spec per leading axis: an index (drops the axis), a range, or null (whole axis). */
export type SliceSpec =
  | number
  | null
  | readonly [start?: number | null, stop?: number | null, step?: number | null];

interface AxisRange {
  start: number;
  length: number;
  step: number;
}

/** Python's slice.indices(): clamp start/stop for a positive or negative step. */
function resolveRange(
  op: string,
  spec: Exclude<SliceSpec, number | null>,
  dim: number,
  axis: number,
): AxisRange {
  const step = spec[2] ?? 1;
  if (!Number.isInteger(step) || step === 0) {
    throw new TensorError(
      op,
      "argument",
      `step must be a non-zero integer on axis ${axis}, got ${step}`,
    );
  }
  const clamp = (value: number | null | undefined, fallback: number): number => {
    if (value === null || value === undefined) return fallback;
    if (!Number.isInteger(value)) {
      throw new TensorError(op, "argument", `bound ${value} on axis ${axis} is not an integer`);
    }
    if (value < 0) return Math.max(value + dim, step < 0 ? -1 : 0);
    return Math.min(value, step < 0 ? dim - 1 : dim);
  };
  const start = clamp(spec[0], step > 0 ? 0 : dim - 1);
  const stop = clamp(spec[1], step > 0 ? dim : -1);
  const span = step > 0 ? stop - start : start - stop;
  const length = span > 0 ? Math.ceil(span / Math.abs(step)) : 0;
  return { start, length, step };
}

/**
 * NumPy basic indexing: `slice(t, 0, [1, null, 2])` is `t[0, 1::2]`; missing specs take whole
 * axes; negative indices and steps count from the end.
 */
export function slice(t: Tensor, ...specs: SliceSpec[]): Tensor {
  const op = "slice";
  if (specs.length > t.rank) {
    throw new TensorError(
      op,
      "axis",
      `${specs.length} specs given for shape ${formatShape(t.shape)} (rank ${t.rank})`,
    );
  }
  const shape: number[] = [];
  const strides: number[] = [];
  let offset = t.offset;
  t.shape.forEach((dim, axis) => {
    const spec = specs[axis] ?? null;
    const stride = t.strides[axis]!;
    if (typeof spec === "number") {
      if (!Number.isInteger(spec) || spec < -dim || spec >= dim) {
        throw new TensorError(
          op,
          "argument",
          `index ${spec} is out of bounds for axis ${axis} of shape ${formatShape(t.shape)}`,
        );
      }
      offset += (spec < 0 ? spec + dim : spec) * stride;
      return;
    }
    if (spec === null) {
      shape.push(dim);
      strides.push(stride);
      return;
    }
    const range = resolveRange(op, spec, dim, axis);
    if (range.length > 0) offset += range.start * stride;
    shape.push(range.length);
    strides.push(stride * range.step);
  });
  return view(t, shape, strides, offset);
}

/** A read-only-by-convention view repeating `t` along broadcast axes (stride 0). */
export function broadcastTo(t: Tensor, shape: readonly number[]): Tensor {
  const op = "broadcastTo";
  const target = checkShape(op, shape);
  const result = broadcastShapesFor(op, [t.shape, target]);
  if (!sameShape(result, target)) {
    throw new TensorError(
      op,
      "shape",
      `cannot broadcast shape ${formatShape(t.shape)} to ${formatShape(target)}`,
    );
  }
  return view(t, target, broadcastStrides(t.shape, t.strides, target));
}
