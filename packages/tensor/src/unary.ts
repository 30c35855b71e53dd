// Elementwise functions of one tensor. Transcendental functions of integers give float64 (float32
// stays float32); neg/abs/sign keep integer dtypes, with bool computed as int32.
import { arithmeticResult, type DType, floatResult, type TypedArray } from "./dtype.js";
import { TensorError } from "./errors.js";
import { fastExp } from "./exp.js";
import { forEachRow, rowLayout } from "./strided.js";
import { allocateResult, Tensor } from "./tensor.js";

/** `out[i] = f(x[xo + i])` for i < n, spelled out per hot op so V8 inlines `f`. */
type FlatLoop = (out: TypedArray, x: TypedArray, xo: number, n: number) => void;

interface UnaryKernel {
  name: string;
  result: (dtype: DType) => DType;
  apply: (x: number) => number;
  /** Fast loop for contiguous input; must agree with `apply`. */
  loop?: FlatLoop;
}

function unary(kernel: UnaryKernel, t: Tensor): Tensor {
  if (!(t instanceof Tensor)) {
    throw new TensorError(kernel.name, "argument", `expected a Tensor, got ${typeof t}`);
  }
  const out = allocateResult(kernel.name, kernel.result(t.dtype), t.shape);
  const o = out.data;
  const src = t.data;
  const f = kernel.apply;
  if (t.isContiguous()) {
    if (kernel.loop) {
      kernel.loop(o, src, t.offset, o.length);
    } else {
      for (let i = 0, p = t.offset; i < o.length; i++) o[i] = f(src[p + i]!);
    }
    return out;
  }
  const { length, stride } = rowLayout(t.shape, t.strides);
  let k = 0;
  forEachRow(t.shape, [t.strides], [t.offset], ([p]) => {
    for (let j = 0; j < length; j++) o[k++] = f(src[p! + j * stride]!);
  });
  return out;
}

/** Logistic function, written so that neither branch overflows. */
function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + fastExp(-x));
  const e = fastExp(x);
  return e / (1 + e);
}

const expLoop: FlatLoop = (out, x, xo, n) => {
  for (let i = 0; i < n; i++) out[i] = fastExp(x[xo + i]!);
};
const logLoop: FlatLoop = (out, x, xo, n) => {
  for (let i = 0; i < n; i++) out[i] = Math.log(x[xo + i]!);
};
const sqrtLoop: FlatLoop = (out, x, xo, n) => {
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(x[xo + i]!);
};
const negLoop: FlatLoop = (out, x, xo, n) => {
  for (let i = 0; i < n; i++) out[i] = -x[xo + i]!;
};

const kernels = {
  neg: { name: "neg", result: arithmeticResult, apply: (x: number) => -x, loop: negLoop },
  abs: { name: "abs", result: arithmeticResult, apply: Math.abs },
  sign: { name: "sign", result: arithmeticResult, apply: Math.sign },
  exp: { name: "exp", result: floatResult, apply: fastExp, loop: expLoop },
  log: { name: "log", result: floatResult, apply: Math.log, loop: logLoop },
  sqrt: { name: "sqrt", result: floatResult, apply: Math.sqrt, loop: sqrtLoop },
  tanh: { name: "tanh", result: floatResult, apply: Math.tanh },
  sigmoid: { name: "sigmoid", result: floatResult, apply: logistic },
} satisfies Record<string, UnaryKernel>;

export const neg = (t: Tensor): Tensor => unary(kernels.neg, t);
export const abs = (t: Tensor): Tensor => unary(kernels.abs, t);
export const sign = (t: Tensor): Tensor => unary(kernels.sign, t);
export const exp = (t: Tensor): Tensor => unary(kernels.exp, t);
export const log = (t: Tensor): Tensor => unary(kernels.log, t);
export const sqrt = (t: Tensor): Tensor => unary(kernels.sqrt, t);
export const tanh = (t: Tensor): Tensor => unary(kernels.tanh, t);
/** 1 / (1 + e^-x), computed without overflow for large |x|. */
export const sigmoid = (t: Tensor): Tensor => unary(kernels.sigmoid, t);
