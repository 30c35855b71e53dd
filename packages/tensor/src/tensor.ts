import {
  allocateStorage,
  allocateUnfilledStorage,
  castValue,
  type DType,
  dtypeOfStorage,
  isFloat,
  type TypedArray,
} from "./dtype.js";
import { formatShape, TensorError } from "./errors.js";
import { formatTensor } from "./format.js";
import { recordAllocation } from "./instrumentation.js";
import { contiguousStrides, sizeOf } from "./shape.js";
import { copyStrided } from "./strided.js";

/** Nested JavaScript arrays of numbers or booleans, as accepted by `tensor` and returned by `toArray`. */
export type NestedArray = number | boolean | readonly NestedArray[];

/** The JSON form of a tensor: `fromJSON(JSON.parse(JSON.stringify(t)))` restores it. */
export interface TensorJSON {
  dtype: DType;
  shape: number[];
  data: number[];
}

/**
 * An n-dimensional array: a typed-array buffer read through shape, strides and offset. Views
 * (reshape, transpose, slice, ...) share `data` with their base; operations return new tensors.
 */
/** The shape and strides of every 0-d tensor: one shared frozen array, not two per scalar. */
const NO_AXES: readonly number[] = Object.freeze([]);

export class Tensor {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  /** Storage shared by every view of the same base; index it through strides and offset. */
  readonly data: TypedArray;
  readonly size: number;
  readonly rank: number;

  /** Low-level: wraps existing storage without copying. Prefer `tensor`, `zeros`, ... */
  constructor(data: TypedArray, shape: readonly number[], strides?: readonly number[], offset = 0) {
    this.data = data;
    this.dtype = dtypeOfStorage(data);
    this.shape = shape.length === 0 ? NO_AXES : Object.freeze([...shape]);
    // Contiguous strides are computed here only when there are axes (a 0-d tensor made a
    // throw-away array per tensor), and not copied again.
    this.strides =
      strides === undefined
        ? shape.length === 0
          ? NO_AXES
          : Object.freeze(contiguousStrides(shape))
        : strides.length === 0
          ? NO_AXES
          : Object.freeze([...strides]);
    this.offset = offset;
    this.size = sizeOf(shape);
    this.rank = shape.length;
  }

  /** The element at `index` (one integer per axis; negative counts from the end). */
  get(...index: number[]): number {
    if (index.length !== this.rank) {
      throw new TensorError(
        "get",
        "argument",
        `expected ${this.rank} indices for shape ${formatShape(this.shape)}, got ${index.length}`,
      );
    }
    let p = this.offset;
    for (let axis = 0; axis < this.rank; axis++) {
      const dim = this.shape[axis]!;
      let i = index[axis]!;
      if (!Number.isInteger(i) || i < -dim || i >= dim) {
        throw new TensorError(
          "get",
          "argument",
          `index ${i} is out of bounds for axis ${axis} of shape ${formatShape(this.shape)}`,
        );
      }
      if (i < 0) i += dim;
      p += i * this.strides[axis]!;
    }
    return this.data[p]!;
  }

  /** The single element of a size-1 tensor. */
  item(): number {
    if (this.size !== 1) {
      throw new TensorError(
        "item",
        "shape",
        `only a tensor with one element converts to a number, got shape ${formatShape(this.shape)}`,
      );
    }
    return this.toTypedArray()[0]!;
  }

  /** Nested arrays (booleans for bool tensors); a number for rank 0. */
  toArray(): NestedArray {
    const flat = this.toTypedArray();
    const value = this.dtype === "bool" ? (x: number) => x !== 0 : (x: number) => x;
    const build = (axis: number, start: number): NestedArray => {
      if (axis === this.rank) return value(flat[start]!);
      const dim = this.shape[axis]!;
      const step = dim === 0 ? 0 : sizeOf(this.shape.slice(axis + 1));
      const out: NestedArray[] = [];
      for (let i = 0; i < dim; i++) out.push(build(axis + 1, start + i * step));
      return out;
    };
    return build(0, 0);
  }

  /** A row-major copy of the elements, in the storage type of this dtype. */
  toTypedArray(): TypedArray {
    const out = allocateStorage("toTypedArray", this.dtype, this.shape);
    if (this.isContiguous()) {
      out.set(this.data.subarray(this.offset, this.offset + this.size));
    } else {
      copyStrided(this.data, this.shape, this.strides, this.offset, out);
    }
    return out;
  }

  /** True when elements are laid out row-major without gaps (axes of length 1 do not matter). */
  isContiguous(): boolean {
    if (this.size === 0) return true;
    let expected = 1;
    for (let axis = this.rank - 1; axis >= 0; axis--) {
      const dim = this.shape[axis]!;
      if (dim === 1) continue;
      if (this.strides[axis] !== expected) return false;
      expected *= dim;
    }
    return true;
  }

  /** This tensor if it is already contiguous, otherwise a contiguous copy. */
  contiguous(): Tensor {
    return this.isContiguous() ? this : this.clone();
  }

  /** A contiguous copy that shares nothing with this tensor. */
  clone(): Tensor {
    recordAllocation(this.size);
    return new Tensor(this.toTypedArray(), this.shape);
  }

  /**
   * A copy converted to `dtype`: float32 rounds to nearest; bool is "nonzero or NaN"; int32
   * truncates toward zero and throws a TensorError "out-of-range" (naming the element) for NaN,
   * ±Infinity or values outside [-2^31, 2^31 − 1], where NumPy would silently wrap.
   */
  astype(dtype: DType): Tensor {
    if (dtype === this.dtype) return this.clone();
    const out = allocateTensor("astype", dtype, this.shape);
    const flat = this.toTypedArray();
    const dst = out.data;
    if (dtype === "bool" || (dtype === "int32" && isFloat(this.dtype))) {
      for (let i = 0; i < flat.length; i++) dst[i] = castValue("astype", dtype, flat[i]!, i);
    } else {
      dst.set(flat);
    }
    return out;
  }

  toJSON(): TensorJSON {
    return { dtype: this.dtype, shape: [...this.shape], data: Array.from(this.toTypedArray()) };
  }

  /** NumPy-like text with aligned columns, e.g. `[[1.  2.5]\n [3.  4. ]]`. */
  toString(): string {
    return formatTensor(this);
  }
}

/**
 * A new zero-filled contiguous tensor for `op`'s result; counted by `countOps`. Throws a TensorError
 * (code "too-large") naming `op` when the shape has too many elements.
 */
export function allocateTensor(op: string, dtype: DType, shape: readonly number[]): Tensor {
  const storage = allocateStorage(op, dtype, shape);
  recordAllocation(storage.length);
  return new Tensor(storage, shape);
}

/**
 * allocateTensor for a result the caller writes completely before anyone reads it (elementwise
 * ops): large float64 storage is then not zero-filled first (see allocateUnfilledStorage).
 */
export function allocateResult(op: string, dtype: DType, shape: readonly number[]): Tensor {
  const storage = allocateUnfilledStorage(op, dtype, shape);
  recordAllocation(storage.length);
  return new Tensor(storage, shape);
}
