import type { Tensor } from "@nnkit/tensor";
import { mul } from "../primitives/mul.js";
import { reshape } from "../primitives/reshape.js";
import type { Value } from "../tracer.js";

/** a bᵀ for vectors a, b: n·m multiplications. */
export function outer(a: Tensor, b: Tensor): Tensor;
export function outer(a: Value, b: Value): Value;
export function outer(a: Value, b: Value): Value {
  return mul(reshape(a, [...a.shape, 1]), reshape(b, [1, ...b.shape]));
}
