import type { Tensor } from "@nnkit/tensor";
import { matmul } from "../primitives/matmul.js";
import type { Value } from "../tracer.js";

/** NumPy's dot for vectors and matrices: the inner product of vectors, else a matrix product. */
export function dot(a: Tensor, b: Tensor): Tensor;
export function dot(a: Value, b: Value): Value;
export function dot(a: Value, b: Value): Value {
  return matmul(a, b);
}
