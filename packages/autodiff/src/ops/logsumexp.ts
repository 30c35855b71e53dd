import type { Tensor } from "@nnkit/tensor";
import { add } from "../primitives/add.js";
import { exp } from "../primitives/exp.js";
import { max } from "../primitives/extremum.js";
import { log } from "../primitives/log.js";
import { reshape } from "../primitives/reshape.js";
import { sub } from "../primitives/sub.js";
import { sum } from "../primitives/sum-broadcast.js";
import { normalizeAxes } from "../shapes.js";
import type { Value } from "../tracer.js";

/**
 * log Σ exp(x) over `axis` (default: all axes), computed as m + log Σ exp(x − m) with m the
 * maximum, so it cannot overflow. Its gradient is softmax(x): the terms through m cancel.
 */
export function logsumexp(x: Tensor, axis?: number | readonly number[], keepdims?: boolean): Tensor;
export function logsumexp(x: Value, axis?: number | readonly number[], keepdims?: boolean): Value;
export function logsumexp(x: Value, axis?: number | readonly number[], keepdims = false): Value {
  const axes = normalizeAxes("logsumexp", axis, x.shape.length);
  const m = max(x, axes, true);
  const total = add(m, log(sum(exp(sub(x, m)), axes, true)));
  return keepdims
    ? total
    : reshape(
        total,
        x.shape.filter((_, i) => !axes.includes(i)),
      );
}
