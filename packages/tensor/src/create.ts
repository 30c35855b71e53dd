import {
  allocateStorage,
  assertDType,
  castValue,
  checkAllocation,
  type DType,
  isInt32Value,
  type TypedArray,
} from "./dtype.js";
import { formatShape, TensorError } from "./errors.js";
import { recordAllocation } from "./instrumentation.js";
import { flattenNested } from "./nested.js";
import { checkShape, sizeOf } from "./shape.js";
import { allocateTensor, type NestedArray, Tensor, type TensorJSON } from "./tensor.js";

/**
 * Typed arrays `tensor` accepts. Float64Array, Float32Array, Int32Array and Uint8Array give the dtype
 * they store (Uint8Array is bool storage); the other integer arrays give int32.
 */
export type NumericArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Int16Array
  | Int8Array
  | Uint32Array
  | Uint16Array
  | Uint8Array
  | Uint8ClampedArray;

export interface TensorOptions {
  dtype?: DType;
  /** Reinterpret the data with this shape (same number of elements). */
  shape?: readonly number[];
}

function fillFrom(op: string, dtype: DType, values: ArrayLike<number>): TypedArray {
  const storage = allocateStorage(op, dtype, [values.length]);
  recordAllocation(values.length);
  for (let i = 0; i < values.length; i++) storage[i] = castValue(op, dtype, values[i]!, i);
  return storage;
}

/** Each storage type maps back to its dtype (Uint8Array is bool storage); other integers are int32. */
function inferArrayDType(data: NumericArray): DType {
  if (data instanceof Float64Array) return "float64";
  if (data instanceof Float32Array) return "float32";
  if (data instanceof Uint8Array) return "bool";
  return "int32";
}

function withShape(op: string, storage: TypedArray, shape: readonly number[] | undefined): Tensor {
  const target = shape === undefined ? [storage.length] : checkShape(op, shape);
  if (sizeOf(target) !== storage.length) {
    throw new TensorError(
      op,
      "shape",
      `cannot give ${storage.length} elements the shape ${formatShape(target)}`,
    );
  }
  return new Tensor(storage, target);
}

/**
 * A new tensor from nested arrays, a typed array, or another tensor (always copied).
 * Numbers default to float64, all-boolean input to bool, typed arrays to the dtype they store
 * (so `tensor(t.toTypedArray(), { shape: t.shape })` keeps `t`'s dtype; Uint8Array means bool).
 */
export function tensor(
  data: NestedArray | NumericArray | Tensor,
  options: TensorOptions = {},
): Tensor {
  const op = "tensor";
  if (options.dtype !== undefined) assertDType(op, options.dtype);
  if (data instanceof Tensor) {
    checkAllocation(op, options.dtype ?? data.dtype, data.shape);
    const copy = data.astype(options.dtype ?? data.dtype);
    return options.shape === undefined ? copy : withShape(op, copy.data, options.shape);
  }
  if (ArrayBuffer.isView(data)) {
    const dtype = options.dtype ?? inferArrayDType(data);
    return withShape(op, fillFrom(op, dtype, data), options.shape);
  }
  const flat = flattenNested(op, data);
  const dtype = options.dtype ?? (flat.allBoolean ? "bool" : "float64");
  const storage = fillFrom(op, dtype, flat.values);
  return withShape(op, storage, options.shape ?? flat.shape);
}

/**
 * Restores a tensor from `toJSON()` output, validating dtype, shape and data length. JSON has no
 * NaN or Infinity: JSON.stringify writes them as null, which comes back as NaN.
 */
export function fromJSON(json: TensorJSON): Tensor {
  const op = "fromJSON";
  if (typeof json !== "object" || json === null || !Array.isArray(json.data)) {
    throw new TensorError(op, "argument", "expected an object { dtype, shape, data: number[] }");
  }
  const dtype = assertDType(op, json.dtype);
  const shape = checkShape(op, json.shape);
  // JSON.stringify writes NaN and ±Infinity as null; read null back as NaN.
  const data = (json.data as unknown[]).map((x) => (x === null ? Number.NaN : x));
  if (data.some((x) => typeof x !== "number")) {
    throw new TensorError(op, "argument", "data must contain only numbers (or null for NaN)");
  }
  return withShape(op, fillFrom(op, dtype, data as number[]), shape);
}

function filled(
  op: string,
  shape: number | readonly number[],
  value: number,
  dtype: DType,
): Tensor {
  assertDType(op, dtype);
  const checked = checkShape(op, typeof shape === "number" ? [shape] : shape);
  const out = allocateTensor(op, dtype, checked);
  // Storage starts zeroed; -0 is not that zero (1 / -0 is -Infinity), so it is written too.
  if (!Object.is(value, 0)) out.data.fill(castValue(op, dtype, value));
  return out;
}

export function zeros(shape: number | readonly number[], dtype: DType = "float64"): Tensor {
  return filled("zeros", shape, 0, dtype);
}

export function ones(shape: number | readonly number[], dtype: DType = "float64"): Tensor {
  return filled("ones", shape, 1, dtype);
}

export function full(
  shape: number | readonly number[],
  value: number | boolean,
  dtype: DType = typeof value === "boolean" ? "bool" : "float64",
): Tensor {
  return filled("full", shape, Number(value), dtype);
}

export function zerosLike(t: Tensor): Tensor {
  return filled("zerosLike", t.shape, 0, t.dtype);
}

export function onesLike(t: Tensor): Tensor {
  return filled("onesLike", t.shape, 1, t.dtype);
}

function checkCount(op: string, name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new TensorError(op, "argument", `${name} must be a non-negative integer, got ${n}`);
  }
}

/** The n×m matrix with ones on the main diagonal. */
export function eye(n: number, m: number = n, dtype: DType = "float64"): Tensor {
  checkCount("eye", "n", n);
  checkCount("eye", "m", m);
  const out = filled("eye", [n, m], 0, dtype);
  for (let i = 0; i < Math.min(n, m); i++) out.data[i * m + i] = 1;
  return out;
}

/**
 * Evenly spaced values in [start, stop) by `step`, like NumPy: `arange(5)` or
 * `arange(start, stop, step?, dtype?)`. The dtype is int32 when every argument is an int32-range
 * integer and float64 otherwise, unless given.
 */
export function arange(stop: number): Tensor;
export function arange(start: number, stop: number, step?: number, dtype?: DType): Tensor;
export function arange(a: number, b?: number, step = 1, dtype?: DType): Tensor {
  const op = "arange";
  const [start, stop] = b === undefined ? [0, a] : [a, b];
  for (const [name, v] of [
    ["start", start],
    ["stop", stop],
    ["step", step],
  ] as const) {
    if (!Number.isFinite(v))
      throw new TensorError(op, "argument", `${name} must be finite, got ${v}`);
  }
  if (step === 0) throw new TensorError(op, "argument", "step must not be 0");
  const allInt = [start, stop, step].every(isInt32Value);
  const kind = dtype ?? (allInt ? "int32" : "float64");
  const length = Math.max(0, Math.ceil((stop - start) / step));
  const out = filled(op, [length], 0, kind);
  for (let i = 0; i < length; i++) out.data[i] = castValue(op, kind, start + i * step, i);
  return out;
}

/** `num` evenly spaced float64 values from start to stop, both included. */
export function linspace(start: number, stop: number, num = 50): Tensor {
  checkCount("linspace", "num", num);
  const out = filled("linspace", [num], 0, "float64");
  const step = num > 1 ? (stop - start) / (num - 1) : 0;
  for (let i = 0; i < num; i++) out.data[i] = start + i * step;
  if (num > 1) out.data[num - 1] = stop;
  return out;
}
