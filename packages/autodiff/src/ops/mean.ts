import type { Tensor } from "@nnkit/tensor";
import { scale } from "../primitives/scale.js";
import { sum } from "../primitives/sum-broadcast.js";
import { normalizeAxes } from "../shapes.js";
import type { Value } from "../tracer.js";

/** The mean over `axis` (default: all axes): a sum, then one scaling by 1/(reduced sizes). */
export function mean(x: Tensor, axis?: number | readonly number[], keepdims?: boolean): Tensor;
export function mean(x: Value, axis?: number | readonly number[], keepdims?: boolean): Value;
export function mean(x: Value, axis?: number | readonly number[], keepdims = false): Value {
  const axes = normalizeAxes("mean", axis, x.shape.length);
  return scale(
    sum(x, axes, keepdims),
    1,
    axes.map((a) => x.shape[a]!),
  );
}
