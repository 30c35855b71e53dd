// The max and min reductions. Their derivative goes to the entries that attain the extremum; when
// several tie, they share it equally (as JAX does), so the rule is a mask divided by its count.
import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { atom, call, hadamard } from "../equations/expr.js";
import { AutodiffError } from "../errors.js";
import type { Primitive } from "../primitive.js";
import { normalizeAxes } from "../shapes.js";
import type { Value } from "../tracer.js";
import { shifted } from "./batching.js";
import { eq } from "./compare.js";
import { div } from "./div.js";
import { mul } from "./mul.js";
import { reshape } from "./reshape.js";
import { broadcastTo, sum } from "./sum-broadcast.js";
import { where } from "./where.js";

type ExtremumParams = { axes: readonly number[]; keepdims: boolean };

/** Where x attains its extremum `out` along the axes, each tie weighted 1/(number of ties). */
function weights(x: Value, out: Value, axes: readonly number[]): Value {
  const kept = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const mask = where(eq(x, broadcastTo(reshape(out, kept), x.shape)), 1, 0);
  return div(mask, sum(mask, [...axes], true));
}

function extremum(name: "max" | "min"): Primitive<"max" | "min", ExtremumParams> {
  const primitive: Primitive<"max" | "min", ExtremumParams> = {
    name,
    saves: [0, "output"],
    shape([x], { axes, keepdims }) {
      if (x!.shape.some((d, i) => axes.includes(i) && d === 0)) {
        throw new AutodiffError(name, "shape", "cannot reduce an axis of size 0");
      }
      const shape = keepdims
        ? x!.shape.map((d, i) => (axes.includes(i) ? 1 : d))
        : x!.shape.filter((_, i) => !axes.includes(i));
      return { shape, dtype: x!.dtype };
    },
    evaluate: ([x], { axes, keepdims }) =>
      (name === "max" ? T.max : T.min)(x!, [...axes], keepdims),
    jvp: ([x], [t], out, { axes, keepdims }) =>
      sum(mul(t!, weights(x!, out, axes)), [...axes], keepdims),
    vjp(ct, [x], out, { axes }) {
      const kept = x!.shape.map((d, i) => (axes.includes(i) ? 1 : d));
      return [mul(broadcastTo(reshape(ct, kept), x!.shape), weights(x!, out, axes))];
    },
    // Comparisons, not multiplications.
    batch: ([x], _batched, { axes, keepdims }) =>
      bind(primitive, [x!], { axes: shifted(axes), keepdims }),
    cost: () => free,
    notation: {
      forward: ([x]) => call(name, `\\${name}`, x!),
      adjoint: (_i, ct, [x], out) =>
        hadamard(
          atom(`I(${x!.text} = ${out.text})`, `\\mathbb{I}(${x!.latex} = ${out.latex})`),
          ct,
        ),
    },
  };
  return primitive;
}

export const maxPrimitive = extremum("max") as Primitive<"max", ExtremumParams>;
export const minPrimitive = extremum("min") as Primitive<"min", ExtremumParams>;

/** The largest entry over `axis` (default: all axes). */
export function max(x: T.Tensor, axis?: number | readonly number[], keepdims?: boolean): T.Tensor;
export function max(x: Value, axis?: number | readonly number[], keepdims?: boolean): Value;
export function max(x: Value, axis?: number | readonly number[], keepdims = false): Value {
  return bind(maxPrimitive, [x], { axes: normalizeAxes("max", axis, x.shape.length), keepdims });
}

/** The smallest entry over `axis` (default: all axes). */
export function min(x: T.Tensor, axis?: number | readonly number[], keepdims?: boolean): T.Tensor;
export function min(x: Value, axis?: number | readonly number[], keepdims?: boolean): Value;
export function min(x: Value, axis?: number | readonly number[], keepdims = false): Value {
  return bind(minPrimitive, [x], { axes: normalizeAxes("min", axis, x.shape.length), keepdims });
}
