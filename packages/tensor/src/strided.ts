// Row-by-row walks over strided layouts. A "row" is a run along the last axis, so callers keep a
// tight inner loop and the odometer bookkeeping happens once per row, not once per element.
import type { TypedArray } from "./dtype.js";
import { sizeOf } from "./shape.js";

/**
 * Calls `visit(starts)` once per row of `shape` in row-major order, where `starts[k]` is the storage
 * offset of the row's first element in layout k (given by `strides[k]` and `offsets[k]`).
 * A rank-0 shape has one row of length 1. The `starts` array is reused between calls.
 */
export function forEachRow(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  offsets: readonly number[],
  visit: (starts: number[]) => void,
): void {
  const rank = shape.length;
  const size = sizeOf(shape);
  if (size === 0) return;
  const starts = [...offsets];
  if (rank <= 1) {
    visit(starts);
    return;
  }
  const rows = size / shape[rank - 1]!;
  const index = new Array<number>(rank - 1).fill(0);
  for (let row = 0; row < rows; row++) {
    visit(starts);
    for (let d = rank - 2; d >= 0; d--) {
      index[d]!++;
      for (let k = 0; k < starts.length; k++) starts[k]! += strides[k]![d]!;
      if (index[d]! < shape[d]!) break;
      for (let k = 0; k < starts.length; k++) starts[k]! -= strides[k]![d]! * shape[d]!;
      index[d] = 0;
    }
  }
}

/** Length and stride of the rows `forEachRow` visits. */
export function rowLayout(
  shape: readonly number[],
  strides: readonly number[],
): { length: number; stride: number } {
  const rank = shape.length;
  return rank === 0
    ? { length: 1, stride: 0 }
    : { length: shape[rank - 1]!, stride: strides[rank - 1]! };
}

/** Copies a strided view into `dst` (row-major, from `dstOffset`). The caller handles casting. */
export function copyStrided(
  src: TypedArray,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  dst: TypedArray | number[],
  dstOffset = 0,
): void {
  const { length, stride } = rowLayout(shape, strides);
  let o = dstOffset;
  forEachRow(shape, [strides], [offset], (starts) => {
    let p = starts[0]!;
    for (let j = 0; j < length; j++, p += stride) dst[o++] = src[p]!;
  });
}

/** Calls `visit(starts)` for every element of `shape` (row-major), with per-layout offsets. */
export function forEachIndex(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  offsets: readonly number[],
  visit: (starts: readonly number[]) => void,
): void {
  const layouts = strides.map((s) => rowLayout(shape, s));
  const length = layouts[0]?.length ?? (shape.length === 0 ? 1 : shape[shape.length - 1]!);
  const current = [...offsets];
  forEachRow(shape, strides, offsets, (starts) => {
    for (let j = 0; j < length; j++) {
      for (let k = 0; k < starts.length; k++) current[k] = starts[k]! + j * layouts[k]!.stride;
      visit(current);
    }
  });
}

interface Layout {
  data: TypedArray;
  shape: readonly number[];
  strides: readonly number[];
  offset: number;
}

/** Copies `source` element by element into the same-shape strided `target` (storage casts apply). */
export function copyInto(target: Layout, source: Layout): void {
  const { length, stride: targetStep } = rowLayout(target.shape, target.strides);
  const sourceStep = rowLayout(source.shape, source.strides).stride;
  const to = target.data;
  const from = source.data;
  forEachRow(
    target.shape,
    [target.strides, source.strides],
    [target.offset, source.offset],
    ([p, q]) => {
      for (let j = 0; j < length; j++) to[p! + j * targetStep] = from[q! + j * sourceStep]!;
    },
  );
}
