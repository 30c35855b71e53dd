// Slicing and zero-padding are each other's adjoint: the VJP of `slice` pads the cotangent back to
// the operand's shape with zeros, and the VJP of `pad` slices the padding off. Two primitives whose
// rules call each other live in one file, like sum and broadcast.
import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { concreteShape, type Dim, formatShape } from "../dims.js";
import { atom } from "../equations/expr.js";
import { AutodiffError } from "../errors.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { gather } from "./gather-scatter.js";
import { linear } from "./linear.js";
import { reshape } from "./reshape.js";

type SliceParams = { starts: readonly number[]; stops: readonly number[] };
type PadParams = { before: readonly number[]; after: readonly number[] };

function ranges(starts: readonly number[], stops: readonly number[]): string {
  return starts.map((s, i) => `${s}:${stops[i]}`).join(", ");
}

export const slicePrimitive: Primitive<"slice", SliceParams> = linear({
  name: "slice",
  view: true,
  shape: ([x], { starts, stops }) => ({
    shape: starts.map((s, i) => stops[i]! - s),
    dtype: x!.dtype,
  }),
  evaluate: ([x], { starts, stops }) =>
    T.slice(x!, ...starts.map((s, i): [number, number] => [s, stops[i]!])),
  vjp(ct, [x], _out, { starts, stops }) {
    const shape = concreteShape("slice", x!.shape);
    return [
      pad(
        ct,
        starts,
        shape.map((d, i) => d - stops[i]!),
      ),
    ];
  },
  batch: ([x], _batched, { starts, stops }, size) =>
    bind(slicePrimitive, [x!], {
      starts: [0, ...starts],
      stops: [...concreteShape("slice", [size]), ...stops],
    }),
  cost: () => free,
  notation: {
    forward: ([x], { starts, stops }) =>
      atom(`${x!.text}[${ranges(starts, stops)}]`, `${x!.latex}_{[${ranges(starts, stops)}]}`),
    adjoint: (_i, ct) => atom(`pad(${ct.text})`, `\\operatorname{pad}\\left(${ct.latex}\\right)`),
  },
});

export const padPrimitive: Primitive<"pad", PadParams> = linear({
  name: "pad",
  shape: ([x], { before, after }) => ({
    shape: concreteShape("pad", x!.shape).map((d, i) => before[i]! + d + after[i]!),
    dtype: x!.dtype,
  }),
  evaluate([x], { before, after }) {
    let out = x!;
    before.forEach((b, axis) => {
      const side = (n: number) => {
        const shape = [...out.shape];
        shape[axis] = n;
        return T.zeros(shape, out.dtype);
      };
      out = T.concat([side(b), out, side(after[axis]!)], axis);
    });
    return out;
  },
  vjp(ct, [x], _out, { before }) {
    const shape = concreteShape("pad", x!.shape);
    return [
      bind(slicePrimitive, [ct], {
        starts: before,
        stops: shape.map((d, i) => before[i]! + d),
      }),
    ];
  },
  batch: ([x], _batched, { before, after }) =>
    bind(padPrimitive, [x!], { before: [0, ...before], after: [0, ...after] }),
  cost: () => free,
  notation: {
    forward: ([x]) => atom(`pad(${x!.text})`, `\\operatorname{pad}\\left(${x!.latex}\\right)`),
    adjoint: (_i, ct) => atom(`${ct.text}[…]`, `${ct.latex}_{[\\ldots]}`),
  },
});

/** `x` with `before[i]` zeros ahead of axis i and `after[i]` behind it. */
export function pad(x: T.Tensor, before: readonly number[], after: readonly number[]): T.Tensor;
export function pad(x: Value, before: readonly number[], after: readonly number[]): Value;
export function pad(x: Value, before: readonly number[], after: readonly number[]): Value {
  const rank = x.shape.length;
  const valid = (n: number) => Number.isInteger(n) && n >= 0;
  if (before.length !== rank || after.length !== rank || ![...before, ...after].every(valid)) {
    throw new AutodiffError(
      "pad",
      "argument",
      `needs ${rank} non-negative integer widths before and after, got [${before}] and [${after}]`,
    );
  }
  return bind(padPrimitive, [x], { before: [...before], after: [...after] });
}

/**
 * One axis of an index: an integer (picks one entry, dropping the axis), `null` (all) or a Python
 * slice [start, stop, step).
 */
export type Index =
  | number
  | null
  | readonly [start?: number | null, stop?: number | null, step?: number | null];

/** The positions a Python slice start:stop:step picks from an axis of size d. */
function stepped(
  d: number,
  start: number | null | undefined,
  stop: number | null | undefined,
  step: number,
): number[] {
  const bound = (v: number, low: number, high: number) =>
    Math.min(high, Math.max(low, v < 0 ? v + d : v));
  const picked: number[] = [];
  if (step > 0) {
    const hi = stop === null || stop === undefined ? d : bound(stop, 0, d);
    for (let i = start === null || start === undefined ? 0 : bound(start, 0, d); i < hi; i += step)
      picked.push(i);
  } else {
    const lo = stop === null || stop === undefined ? -1 : bound(stop, -1, d - 1);
    for (
      let i = start === null || start === undefined ? d - 1 : bound(start, -1, d - 1);
      i > lo;
      i += step
    )
      picked.push(i);
  }
  return picked;
}

/**
 * Basic indexing, NumPy style: `slice(x, 1, [0, 2])` is `x[1, 0:2]` and `slice(x, null, [null,
 * null, -1])` is `x[:, ::-1]`. Negative positions count from the end and ranges are clamped, as in
 * Python; missing trailing axes are taken whole. With step 1 the result is a view; other steps
 * gather the picked positions (so their adjoint scatters back).
 */
export function slice(x: T.Tensor, ...index: Index[]): T.Tensor;
export function slice(x: Value, ...index: Index[]): Value;
export function slice(x: Value, ...index: Index[]): Value {
  const shape = concreteShape("slice", x.shape);
  if (index.length > shape.length) {
    throw new AutodiffError(
      "slice",
      "shape",
      `${index.length} indices for shape ${formatShape(shape)}`,
    );
  }
  const starts: number[] = [];
  const stops: number[] = [];
  const kept: Dim[] = [];
  const strided: [axis: number, positions: number[]][] = [];
  shape.forEach((d, axis) => {
    const spec = index[axis] ?? null;
    const range = typeof spec === "object" && spec !== null ? spec : undefined;
    const step = range?.[2] ?? 1;
    if (!Number.isInteger(step) || step === 0) {
      throw new AutodiffError(
        "slice",
        "argument",
        `step ${step} for axis ${axis} must be a non-zero integer`,
      );
    }
    if (step !== 1) {
      const positions = stepped(d, range?.[0], range?.[1], step);
      strided.push([axis, positions]);
      starts.push(0);
      stops.push(d);
      kept.push(positions.length);
      return;
    }
    if (typeof spec === "number") {
      const i = spec < 0 ? spec + d : spec;
      if (!Number.isInteger(spec) || i < 0 || i >= d) {
        throw new AutodiffError(
          "slice",
          "shape",
          `index ${spec} is out of range for axis ${axis} of size ${d}`,
        );
      }
      starts.push(i);
      stops.push(i + 1);
      return;
    }
    const clamp = (v: number | null | undefined, fallback: number) =>
      v === null || v === undefined ? fallback : Math.min(d, Math.max(0, v < 0 ? v + d : v));
    const start = clamp(spec?.[0], 0);
    starts.push(start);
    stops.push(Math.max(start, clamp(spec?.[1], d)));
    kept.push(stops.at(-1)! - start);
  });
  let sliced = bind(slicePrimitive, [x], { starts, stops });
  for (const [axis, positions] of strided) {
    sliced = gather(sliced, T.tensor(positions, { dtype: "int32" }), axis);
  }
  return kept.length === shape.length ? sliced : reshape(sliced, kept);
}
