import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { call } from "../equations/expr.js";
import type { Primitive } from "../primitive.js";
import { normalizeAxes } from "../shapes.js";
import type { Value } from "../tracer.js";
import { linear } from "./linear.js";
import { reshape } from "./reshape.js";

/** `reverse` sums from the end of the axis: the adjoint of a running sum is the reversed one. */
type CumsumParams = { axis: number; reverse: boolean };

/** x reversed along `axis` (a view with step −1). */
function flip(x: T.Tensor, axis: number): T.Tensor {
  return T.slice(x, ...x.shape.map((_, a): T.SliceSpec => (a === axis ? [null, null, -1] : null)));
}

export const cumsumPrimitive: Primitive<"cumsum", CumsumParams> = linear({
  name: "cumsum",
  shape: ([x]) => ({ shape: x!.shape, dtype: x!.dtype === "bool" ? "int32" : x!.dtype }),
  evaluate: ([x], { axis, reverse }) =>
    reverse ? flip(T.cumsum(flip(x!, axis), axis), axis) : T.cumsum(x!, axis),
  // out_i = Σ_{j ≤ i} x_j, so x̄_j = Σ_{i ≥ j} ct̄_i: the running sum from the other end.
  vjp: (ct, _primals, _out, { axis, reverse }) => [
    bind(cumsumPrimitive, [ct], { axis, reverse: !reverse }),
  ],
  // Additions only.
  batch: ([x], _batched, { axis, reverse }) =>
    bind(cumsumPrimitive, [x!], { axis: axis + 1, reverse }),
  cost: () => free,
  notation: {
    forward: ([x], { reverse }) =>
      call(
        reverse ? "revcumsum" : "cumsum",
        `\\operatorname{${reverse ? "revcumsum" : "cumsum"}}`,
        x!,
      ),
    adjoint: (_i, ct, _inputs, _out, { reverse }) =>
      call(
        reverse ? "cumsum" : "revcumsum",
        `\\operatorname{${reverse ? "cumsum" : "revcumsum"}}`,
        ct,
      ),
  },
});

/** Running sums along `axis`, NumPy's `cumsum`; without an axis, of the flattened value. */
export function cumsum(x: T.Tensor, axis?: number): T.Tensor;
export function cumsum(x: Value, axis?: number): Value;
export function cumsum(x: Value, axis?: number): Value {
  const flat = axis === undefined ? reshape(x, [-1]) : x;
  const [normal] = normalizeAxes("cumsum", axis ?? 0, flat.shape.length);
  return bind(cumsumPrimitive, [flat], { axis: normal!, reverse: false });
}
