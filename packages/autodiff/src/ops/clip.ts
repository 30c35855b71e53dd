import type { Tensor } from "@nnkit/tensor";
import { gt, lt } from "../primitives/compare.js";
import { where } from "../primitives/where.js";
import type { Value } from "../tracer.js";

/** x limited to [low, high] elementwise: derivative 1 inside, 0 where x is clipped. */
export function clip(x: Tensor, low: number, high: number): Tensor;
export function clip(x: Value, low: number, high: number): Value;
export function clip(x: Value, low: number, high: number): Value {
  return where(lt(x, low), low, where(gt(x, high), high, x));
}
