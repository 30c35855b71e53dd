// @nnkit/tensor public surface.
export { add, div, maximum, minimum, mul, pow, sub } from "./arithmetic.js";
export type { Operand } from "./binary.js";
export { cholesky } from "./cholesky.js";
export { allclose, type CloseOptions, equal } from "./closeness.js";
export { eq, ge, gt, le, lt, ne } from "./compare.js";
export { cond } from "./cond.js";
export {
  arange,
  eye,
  fromJSON,
  full,
  linspace,
  type NumericArray,
  ones,
  onesLike,
  type TensorOptions,
  tensor,
  zeros,
  zerosLike,
} from "./create.js";
export { cumsum } from "./cumsum.js";
export { DTYPES, type DType, promoteTypes, type TypedArray } from "./dtype.js";
export { type Eigh, eigh } from "./eigh.js";
export { TensorError, type TensorErrorCode, type TensorErrorDetail } from "./errors.js";
export { booleanMask, flatnonzero, gather, scatterAdd } from "./indexing.js";
export { countOps, type OpCounts } from "./instrumentation.js";
export { concat, stack } from "./join.js";
export { det, inv, solve } from "./linalg.js";
export { type Lstsq, lstsq, pinv } from "./lstsq.js";
export { dot, matmul, outer } from "./matmul.js";
export { type NormOrder, norm } from "./norm.js";
export { type QR, type QRMode, qr } from "./qr.js";
export { Rng, rng } from "./random.js";
export { type Axis, argmax, argmin, max, mean, min, prod, sum } from "./reduce.js";
export { broadcastShapes } from "./shape.js";
export { type SVD, svd, svdvals } from "./svd.js";
export { type NestedArray, Tensor, type TensorJSON } from "./tensor.js";
export { abs, exp, log, neg, sigmoid, sign, sqrt, tanh } from "./unary.js";
export {
  broadcastTo,
  expandDims,
  matrixTranspose,
  permute,
  reshape,
  type SliceSpec,
  slice,
  squeeze,
  transpose,
} from "./views.js";
export { where } from "./where.js";
