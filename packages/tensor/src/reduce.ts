// Reductions over any set of axes (negative allowed) with keepdims. The reduced axes are moved to
// the end by a permuted view, so every output element reduces one strided block; contiguous blocks
// get a flat loop.
import { arithmeticResult, type DType, floatResult, type TypedArray } from "./dtype.js";
import { formatShape, TensorError } from "./errors.js";
import { normalizeAxes } from "./shape.js";
import { forEachRow, rowLayout } from "./strided.js";
import { allocateTensor, Tensor } from "./tensor.js";
import { permute } from "./views.js";

export type Axis = number | readonly number[];

interface Reducer {
  name: string;
  result: (dtype: DType) => DType;
  initial: number;
  step: (accumulator: number, x: number) => number;
  /** Replaces `step` for int32 input when float math would not wrap like 32-bit integers. */
  stepInt32?: (accumulator: number, x: number) => number;
  finish?: (accumulator: number, count: number) => number;
  /** Fast accumulation of a contiguous run, used instead of `step` when given. */
  run?: (data: TypedArray, start: number, count: number) => number;
  /** max/min have no identity, so reducing zero elements is an error (as in NumPy). */
  needsElements?: boolean;
}

/** The layout of a reduction: output shape and, per output element, which block to reduce. */
interface Plan {
  outShape: number[];
  /** The input viewed as [...kept axes, ...reduced axes]. */
  arranged: Tensor;
  keptRank: number;
  blockSize: number;
}

function plan(op: string, t: Tensor, axis: Axis | undefined, keepdims: boolean): Plan {
  if (!(t instanceof Tensor)) {
    throw new TensorError(op, "argument", `expected a Tensor, got ${typeof t}`);
  }
  const reduced = normalizeAxes(op, axis, t.shape);
  const kept = t.shape.map((_, i) => i).filter((i) => !reduced.includes(i));
  const outShape = keepdims
    ? t.shape.map((d, i) => (reduced.includes(i) ? 1 : d))
    : kept.map((i) => t.shape[i]!);
  const blockSize = reduced.reduce((n, i) => n * t.shape[i]!, 1);
  return {
    outShape,
    arranged: permute(t, [...kept, ...reduced]),
    keptRank: kept.length,
    blockSize,
  };
}

/** Calls `visit(blockOffset, outIndex)` for each output element, in row-major output order. */
function forEachBlock(p: Plan, visit: (offset: number, index: number) => void): void {
  const { arranged, keptRank } = p;
  const keptShape = arranged.shape.slice(0, keptRank);
  const keptStrides = arranged.strides.slice(0, keptRank);
  const { length, stride } = rowLayout(keptShape, keptStrides);
  let index = 0;
  forEachRow(keptShape, [keptStrides], [arranged.offset], ([start]) => {
    for (let j = 0; j < length; j++) visit(start! + j * stride, index++);
  });
}

/** Calls `visit(value)` for every element of the block starting at `offset`. */
function forEachInBlock(p: Plan, offset: number, visit: (x: number) => void): void {
  const { arranged, keptRank } = p;
  const shape = arranged.shape.slice(keptRank);
  const strides = arranged.strides.slice(keptRank);
  const { length, stride } = rowLayout(shape, strides);
  const data = arranged.data;
  forEachRow(shape, [strides], [offset], ([start]) => {
    for (let j = 0; j < length; j++) visit(data[start! + j * stride]!);
  });
}

function reduce(r: Reducer, t: Tensor, axis: Axis | undefined, keepdims: boolean): Tensor {
  const p = plan(r.name, t, axis, keepdims);
  const out = allocateTensor(r.name, r.result(t.dtype), p.outShape);
  if (r.needsElements && p.blockSize === 0 && out.size > 0) {
    throw new TensorError(
      r.name,
      "shape",
      `cannot reduce zero elements of shape ${formatShape(t.shape)} (axis ${String(axis)}): no identity`,
    );
  }
  const step = t.dtype === "int32" && r.stepInt32 ? r.stepInt32 : r.step;
  const finish = r.finish ?? ((acc: number) => acc);
  const o = out.data;
  const n = p.blockSize;
  // A contiguous arranged view means each block is one run and blocks follow each other.
  if (p.arranged.isContiguous()) {
    const data = p.arranged.data;
    for (let i = 0, start = p.arranged.offset; i < o.length; i++, start += n) {
      let acc = r.initial;
      if (r.run) acc = r.run(data, start, n);
      else for (let j = start; j < start + n; j++) acc = step(acc, data[j]!);
      o[i] = finish(acc, n);
    }
    return out;
  }
  forEachBlock(p, (offset, i) => {
    let acc = r.initial;
    forEachInBlock(p, offset, (x) => {
      acc = step(acc, x);
    });
    o[i] = finish(acc, n);
  });
  return out;
}

/** Elements summed per call of `sumChunk`. */
const CHUNK = 4096;

/**
 * Sum of a short run with four independent accumulators, so the additions pipeline instead of
 * waiting on one another. Integer sums stay exact (below 2^53) in any order.
 */
function sumChunk(data: TypedArray, start: number, count: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const end = start + count;
  let i = start;
  for (; i + 3 < end; i += 4) {
    a += data[i]!;
    b += data[i + 1]!;
    c += data[i + 2]!;
    d += data[i + 3]!;
  }
  for (; i < end; i++) a += data[i]!;
  return a + b + (c + d);
}

/**
 * `sumChunk` for Float64Array storage only, so its loads stay monomorphic (see sumRun), with eight
 * accumulators: float64 is the common case, and eight independent additions keep up with memory.
 * It indexes a subarray up to that subarray's own length: once any ArrayBuffer in the process has
 * been detached (WebAssembly memory growth does it), V8 checks every typed-array load, and this
 * form measured 5 % faster than indexing `data` from `start` to `start + count`.
 */
function sumChunkF64(data: Float64Array, start: number, count: number): number {
  const v = data.subarray(start, start + count);
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let e = 0;
  let f = 0;
  let g = 0;
  let h = 0;
  const n = v.length;
  let i = 0;
  for (; i + 7 < n; i += 8) {
    a += v[i]!;
    b += v[i + 1]!;
    c += v[i + 2]!;
    d += v[i + 3]!;
    e += v[i + 4]!;
    f += v[i + 5]!;
    g += v[i + 6]!;
    h += v[i + 7]!;
  }
  for (; i < n; i++) a += v[i]!;
  return a + b + (c + d) + (e + f + (g + h));
}

/**
 * Sums a contiguous run chunk by chunk. Besides adding a level of pairwise summation, short calls
 * let V8 optimise `sumChunk` as a whole instead of entering its loop through on-stack replacement,
 * whose code would deoptimise on every call at the never-yet-run code after the loop.
 */
function sumRun(data: TypedArray, start: number, count: number): number {
  let total = 0;
  const end = start + count;
  // float64, the default dtype, has its own copy: a process that also sums other dtypes would
  // make one shared copy's loads polymorphic, and slower than a plain loop.
  if (data instanceof Float64Array) {
    for (let s = start; s < end; s += CHUNK)
      total += sumChunkF64(data, s, Math.min(CHUNK, end - s));
    return total;
  }
  for (let s = start; s < end; s += CHUNK) total += sumChunk(data, s, Math.min(CHUNK, end - s));
  return total;
}

const sumResult = (d: DType): DType => arithmeticResult(d);
const add = (acc: number, x: number) => acc + x;
const larger = (acc: number, x: number) => (x > acc || Number.isNaN(x) ? x : acc);
const smaller = (acc: number, x: number) => (x < acc || Number.isNaN(x) ? x : acc);
const same = (d: DType): DType => d;

const reducers = {
  sum: { name: "sum", result: sumResult, initial: 0, step: add, run: sumRun },
  mean: {
    name: "mean",
    result: floatResult,
    initial: 0,
    step: add,
    run: sumRun,
    finish: (acc: number, count: number) => acc / count,
  },
  prod: {
    name: "prod",
    result: sumResult,
    initial: 1,
    step: (acc: number, x: number) => acc * x,
    stepInt32: Math.imul,
  },
  max: {
    name: "max",
    result: same,
    initial: Number.NEGATIVE_INFINITY,
    step: larger,
    needsElements: true,
  },
  min: {
    name: "min",
    result: same,
    initial: Number.POSITIVE_INFINITY,
    step: smaller,
    needsElements: true,
  },
} satisfies Record<string, Reducer>;

/**
 * A float64 tensor reduced over all its axes in one contiguous run: the common case, summed
 * outside `reduce`. Inlined into reduce's large body, V8 spilled sumChunkF64's eight accumulators
 * to the stack on every iteration, and the sum of 10^6 ran 1.5× slower than a plain loop.
 */
const isWholeF64Run = (t: Tensor, axis: Axis | undefined, keepdims: boolean): boolean =>
  axis === undefined &&
  !keepdims &&
  t instanceof Tensor &&
  t.dtype === "float64" &&
  t.isContiguous();

function scalarF64(op: string, value: number): Tensor {
  const out = allocateTensor(op, "float64", []);
  out.data[0] = value;
  return out;
}

/** Sum over `axis` (all axes by default). bool and int32 sum to int32 (wrapping); floats keep their dtype. */
export const sum = (t: Tensor, axis?: Axis, keepdims = false): Tensor =>
  isWholeF64Run(t, axis, keepdims)
    ? scalarF64("sum", sumRun(t.data, t.offset, t.size))
    : reduce(reducers.sum, t, axis, keepdims);
/** Arithmetic mean; integers give float64. The mean of zero elements is NaN. */
export const mean = (t: Tensor, axis?: Axis, keepdims = false): Tensor =>
  isWholeF64Run(t, axis, keepdims)
    ? scalarF64("mean", sumRun(t.data, t.offset, t.size) / t.size)
    : reduce(reducers.mean, t, axis, keepdims);
/** Product over `axis`; int32 wraps like 32-bit integers. */
export const prod = (t: Tensor, axis?: Axis, keepdims = false): Tensor =>
  reduce(reducers.prod, t, axis, keepdims);
/** Largest element (NaN if any is NaN). Throws for zero elements. */
export const max = (t: Tensor, axis?: Axis, keepdims = false): Tensor =>
  reduce(reducers.max, t, axis, keepdims);
/** Smallest element (NaN if any is NaN). Throws for zero elements. */
export const min = (t: Tensor, axis?: Axis, keepdims = false): Tensor =>
  reduce(reducers.min, t, axis, keepdims);

function argReduce(
  name: string,
  better: (x: number, best: number) => boolean,
  t: Tensor,
  axis: number | undefined,
  keepdims: boolean,
): Tensor {
  // Without an axis the index is into the flattened (row-major) tensor, as in NumPy.
  const p = plan(name, t, axis, keepdims && axis !== undefined);
  const outShape = keepdims && axis === undefined ? t.shape.map(() => 1) : p.outShape;
  const out = allocateTensor(name, "int32", outShape);
  if (p.blockSize === 0 && out.size > 0) {
    throw new TensorError(
      name,
      "shape",
      `cannot take ${name} of zero elements of shape ${formatShape(t.shape)} (axis ${String(axis)})`,
    );
  }
  forEachBlock(p, (offset, i) => {
    let best = Number.NaN;
    let bestIndex = -1;
    let k = 0;
    forEachInBlock(p, offset, (x) => {
      // The first NaN wins and stays, as in NumPy.
      if (bestIndex < 0 || (!Number.isNaN(best) && better(x, best))) {
        best = x;
        bestIndex = k;
      }
      k++;
    });
    out.data[i] = bestIndex;
  });
  return out;
}

/** Index of the largest element along `axis` (of the flattened tensor by default); int32. */
export const argmax = (t: Tensor, axis?: number, keepdims = false): Tensor =>
  argReduce("argmax", (x, best) => x > best || Number.isNaN(x), t, axis, keepdims);
/** Index of the smallest element along `axis` (of the flattened tensor by default); int32. */
export const argmin = (t: Tensor, axis?: number, keepdims = false): Tensor =>
  argReduce("argmin", (x, best) => x < best || Number.isNaN(x), t, axis, keepdims);
