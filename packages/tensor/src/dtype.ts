import { formatShape, TensorError } from "./errors.js";
import { sizeOf } from "./shape.js";

/** Element types. `bool` is stored as 0/1 in a Uint8Array. */
export type DType = "float64" | "float32" | "int32" | "bool";

/** The storage behind a tensor of each dtype. */
export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;

export const DTYPES: readonly DType[] = ["bool", "int32", "float32", "float64"];

const rank: Record<DType, number> = { bool: 0, int32: 1, float32: 2, float64: 3 };

function isDType(value: unknown): value is DType {
  return typeof value === "string" && value in rank;
}

export function assertDType(op: string, value: unknown): DType {
  if (!isDType(value)) {
    throw new TensorError(op, "dtype", `unknown dtype ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * The most elements one tensor may hold: 2^32 − 1, Node 20's typed-array limit, so every engine
 * refuses the same shapes (newer engines would otherwise accept sizes that then exhaust memory).
 */
export const MAX_ELEMENTS = 2 ** 32 - 1;

const BYTES: Record<DType, number> = { float64: 8, float32: 4, int32: 4, bool: 1 };

function formatBytes(bytes: number): string {
  const units = ["bytes", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
  let unit = 0;
  while (bytes >= 1000 && unit < units.length - 1) {
    bytes /= 1000;
    unit++;
  }
  return `${unit === 0 ? bytes : bytes.toPrecision(3)} ${units[unit]}`;
}

function tooLarge(op: string, dtype: DType, shape: readonly number[], why: string): TensorError {
  const size = shape.reduce((n, d) => n * d, 1);
  return new TensorError(
    op,
    "too-large",
    `cannot allocate shape ${formatShape(shape)} of ${dtype}: ${size} elements (${formatBytes(size * BYTES[dtype])}) ${why}`,
    { code: "too-large", shape: [...shape], size, limit: MAX_ELEMENTS },
  );
}

function newStorage(dtype: DType, length: number): TypedArray {
  switch (dtype) {
    case "float64":
      return new Float64Array(length);
    case "float32":
      return new Float32Array(length);
    case "int32":
      return new Int32Array(length);
    case "bool":
      return new Uint8Array(length);
  }
}

/** The element count of `shape`, or a TensorError naming `op` when it exceeds MAX_ELEMENTS. */
export function checkAllocation(op: string, dtype: DType, shape: readonly number[]): number {
  const length = sizeOf(shape);
  if (length > MAX_ELEMENTS) {
    throw tooLarge(op, dtype, shape, `exceed the limit of ${MAX_ELEMENTS} elements per tensor`);
  }
  return length;
}

/**
 * A fresh zero-filled buffer for a tensor of `shape`, or a TensorError (code "too-large") naming
 * `op`, the shape and the size when it exceeds MAX_ELEMENTS or the engine cannot allocate it.
 */
export function allocateStorage(op: string, dtype: DType, shape: readonly number[]): TypedArray {
  const length = checkAllocation(op, dtype, shape);
  try {
    return newStorage(dtype, length);
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge(op, dtype, shape, "do not fit in memory");
    throw error;
  }
}

/** Node's Buffer, where there is one: its allocUnsafeSlow gives memory without zero-filling it. */
const nodeBuffer = (globalThis as { Buffer?: { allocUnsafeSlow(size: number): Uint8Array } })
  .Buffer;

/** Below this many elements a zero-filled allocation costs no more than an unfilled one. */
const UNFILLED_FROM = 1 << 14;

/**
 * Storage like allocateStorage's, but not zero-filled when large (where the runtime allows), for
 * results whose every element is written before they are read: zero-filling a fresh megabyte
 * costs about as much as an elementwise op's own loop over it.
 */
export function allocateUnfilledStorage(
  op: string,
  dtype: DType,
  shape: readonly number[],
): TypedArray {
  const length = checkAllocation(op, dtype, shape);
  if (dtype !== "float64" || length < UNFILLED_FROM || nodeBuffer === undefined) {
    return allocateStorage(op, dtype, shape);
  }
  try {
    const bytes = nodeBuffer.allocUnsafeSlow(length * 8);
    return new Float64Array(bytes.buffer, bytes.byteOffset, length);
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge(op, dtype, shape, "do not fit in memory");
    throw error;
  }
}

/** The dtype whose storage is `data`. Uint8Array means bool: it is only ever created for bool. */
export function dtypeOfStorage(data: TypedArray): DType {
  if (data instanceof Float64Array) return "float64";
  if (data instanceof Float32Array) return "float32";
  if (data instanceof Int32Array) return "int32";
  return "bool";
}

/** The common dtype of two tensors: bool < int32 < float32 < float64. */
export function promoteTypes(a: DType, b: DType): DType {
  return rank[a] >= rank[b] ? a : b;
}

export function isFloat(dtype: DType): boolean {
  return dtype === "float64" || dtype === "float32";
}

/** Float dtype used when an op needs real numbers: float32 stays, everything else becomes float64. */
export function floatResult(dtype: DType): DType {
  return dtype === "float32" ? "float32" : "float64";
}

/** Arithmetic never yields bool: bool operands count as int32 (documented deviation from NumPy). */
export function arithmeticResult(dtype: DType): DType {
  return dtype === "bool" ? "int32" : dtype;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export function isInt32Value(value: number): boolean {
  return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}

/**
 * NumPy 2 "weak scalar" rule: a plain number takes the tensor's dtype when it fits its kind
 * (any number for float tensors, an int32-range integer for int32/bool tensors); otherwise an
 * integer lifts bool to int32 and a fraction lifts integers to float64.
 */
export function promoteWithScalar(dtype: DType, value: number): DType {
  if (isFloat(dtype)) return dtype;
  if (isInt32Value(value)) return dtype === "bool" ? "int32" : dtype;
  return "float64";
}

function outOfInt32(op: string, value: number, index: number | undefined): TensorError {
  const which = index === undefined ? "" : ` element ${index}`;
  const why = Number.isNaN(value)
    ? "int32 has no NaN"
    : `outside int32's range [${INT32_MIN}, ${INT32_MAX}]`;
  return new TensorError(op, "out-of-range", `cannot convert${which} (${value}) to int32: ${why}`, {
    code: "out-of-range",
    dtype: "int32",
    value,
    index,
  });
}

/**
 * Converts a JS number into what storing it into `dtype` means. float32 rounds to nearest (beyond
 * its range gives ±Infinity, as in NumPy); bool is "nonzero or NaN"; int32 truncates toward zero and,
 * unlike NumPy (whose out-of-range casts are undefined and in practice wrap), throws a TensorError
 * "out-of-range" for NaN, ±Infinity and values outside [-2^31, 2^31 − 1] after truncation.
 * `index` names the element in that error.
 */
export function castValue(op: string, dtype: DType, value: number, index?: number): number {
  switch (dtype) {
    case "float64":
      return value;
    case "float32":
      return Math.fround(value);
    case "int32": {
      const truncated = Math.trunc(value);
      if (truncated >= INT32_MIN && truncated <= INT32_MAX) return truncated;
      throw outOfInt32(op, value, index);
    }
    case "bool":
      return value !== 0 ? 1 : 0;
  }
}
