// The broadcasting engine behind every two-operand elementwise op. Fast paths cover the common
// layouts (same-shape contiguous operands, a contiguous tensor with a scalar); a row-wise strided
// walk handles everything else, including broadcasting and views.
import {
  allocateStorage,
  castValue,
  type DType,
  promoteTypes,
  promoteWithScalar,
  type TypedArray,
} from "./dtype.js";
import { TensorError } from "./errors.js";
import { recordMultiplications } from "./instrumentation.js";
import { broadcastShapesFor, broadcastStrides, sameShape } from "./shape.js";
import { forEachRow } from "./strided.js";
import { allocateResult, Tensor } from "./tensor.js";

/** A tensor or a plain number (a "weak" scalar that adapts to the tensor's dtype, as in NumPy 2). */
export type Operand = Tensor | number;

/**
 * `out[i] = x[xo + i·xs] ∘ y[yo + i·ys]` for i < n, with steps 0 (scalar) or 1. Hot ops spell this
 * loop out themselves so V8 inlines the arithmetic instead of calling `apply` per element.
 */
export type FlatLoop = (
  out: TypedArray,
  x: TypedArray,
  xo: number,
  xs: number,
  y: TypedArray,
  yo: number,
  ys: number,
  n: number,
) => void;

export interface BinaryKernel {
  name: string;
  /** Result dtype given the dtype both operands were promoted to. */
  result: (computed: DType) => DType;
  apply: (x: number, y: number) => number;
  /** Replaces `apply` for int32 operands when float math would not wrap like 32-bit integers. */
  applyInt32?: (x: number, y: number) => number;
  /** Fast loop for contiguous operands; must agree with `apply` (not used for int32 overrides). */
  loop?: FlatLoop;
  /** `loop` again, given only Float64Array storage (so it stays monomorphic; see arithmetic.ts). */
  loopF64?: FlatLoop;
  /** mul and div count one multiplication per output element (see countOps). */
  countsMultiplications?: boolean;
}

/** The dtype two operands compute in: promotion between tensors, weak promotion for numbers. */
export function computeDType(op: string, a: Operand, b: Operand): DType {
  if (a instanceof Tensor && b instanceof Tensor) return promoteTypes(a.dtype, b.dtype);
  if (a instanceof Tensor) return promoteWithScalar(a.dtype, checkNumber(op, b));
  if (b instanceof Tensor) return promoteWithScalar(b.dtype, checkNumber(op, a));
  checkNumber(op, a);
  checkNumber(op, b);
  return "float64";
}

function checkNumber(op: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TensorError(op, "argument", `expected a Tensor or a number, got ${typeof value}`);
  }
  return value;
}

/** A number as a one-element tensor of `dtype` (internal constant, not counted as allocation). */
export function asTensor(value: Operand, dtype: DType): Tensor {
  if (value instanceof Tensor) return value;
  const storage = allocateStorage("scalar", dtype, []);
  storage[0] = castValue("scalar", dtype, value);
  return new Tensor(storage, []);
}

/** The shape of a 0-d result, shared: scalar ops are the bulk of a traced graph's work. */
const SCALAR_SHAPE: readonly number[] = Object.freeze([]);

export function binary(kernel: BinaryKernel, a: Operand, b: Operand): Tensor {
  const computed = computeDType(kernel.name, a, b);
  const x = asTensor(a, computed);
  const y = asTensor(b, computed);
  const shape =
    x.rank === 0 && y.rank === 0
      ? SCALAR_SHAPE
      : broadcastShapesFor(kernel.name, [x.shape, y.shape]);
  const out = allocateResult(kernel.name, kernel.result(computed), shape);
  const useInt32 = computed === "int32" && kernel.applyInt32 !== undefined;
  const f = useInt32 ? kernel.applyInt32! : kernel.apply;
  if (kernel.countsMultiplications) recordMultiplications(out.size);
  const xs = flatStep(out, x);
  const ys = flatStep(out, y);
  if (xs !== undefined && ys !== undefined) {
    const float64 =
      out.data instanceof Float64Array &&
      x.data instanceof Float64Array &&
      y.data instanceof Float64Array;
    const loop = (float64 && kernel.loopF64) || (!useInt32 && kernel.loop) || genericLoop(f);
    loop(out.data, x.data, x.offset, xs, y.data, y.offset, ys, out.size);
  } else {
    fillStrided(out, x, y, f);
  }
  return out;
}

/**
 * The operand's step (0 or 1) in a flat loop over the output: 0 for one element, 1 when it is
 * contiguous with the output's shape; undefined when it needs the strided walk.
 */
function flatStep(out: Tensor, t: Tensor): number | undefined {
  if (t.size === 1) return 0;
  return t.isContiguous() && sameShape(t.shape, out.shape) ? 1 : undefined;
}

function genericLoop(f: (x: number, y: number) => number): FlatLoop {
  return (out, x, xo, xs, y, yo, ys, n) => {
    for (let i = 0; i < n; i++) out[i] = f(x[xo + i * xs]!, y[yo + i * ys]!);
  };
}

function fillStrided(out: Tensor, x: Tensor, y: Tensor, f: (x: number, y: number) => number): void {
  const o = out.data;
  const xd = x.data;
  const yd = y.data;
  const shape = out.shape;
  const xs = broadcastStrides(x.shape, x.strides, shape);
  const ys = broadcastStrides(y.shape, y.strides, shape);
  const last = shape.length - 1;
  const length = last < 0 ? 1 : shape[last]!;
  const xStep = last < 0 ? 0 : xs[last]!;
  const yStep = last < 0 ? 0 : ys[last]!;
  let k = 0;
  forEachRow(shape, [xs, ys], [x.offset, y.offset], ([p, q]) => {
    for (let j = 0; j < length; j++) o[k++] = f(xd[p! + j * xStep]!, yd[q! + j * yStep]!);
  });
}
