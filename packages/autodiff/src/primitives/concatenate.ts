import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { concreteShape, dimEquals, formatShape } from "../dims.js";
import { atom, call } from "../equations/expr.js";
import { AutodiffError } from "../errors.js";
import type { Primitive } from "../primitive.js";
import { normalizeAxes, promoteTypes } from "../shapes.js";
import type { Value } from "../tracer.js";
import { linear } from "./linear.js";
import { slicePrimitive } from "./slice-pad.js";
import { withBatch } from "./sum-broadcast.js";

type ConcatenateParams = { axis: number };

/** Values joined along an existing axis; they agree on every other axis. */
export const concatenatePrimitive: Primitive<"concatenate", ConcatenateParams> = linear({
  name: "concatenate",
  shape(inputs, { axis }) {
    const first = inputs[0];
    if (!first) throw new AutodiffError("concatenate", "argument", "needs at least one value");
    for (const v of inputs) {
      const agrees =
        v.shape.length === first.shape.length &&
        v.shape.every((d, i) => i === axis || dimEquals(d, first.shape[i]!));
      if (!agrees) {
        throw new AutodiffError(
          "concatenate",
          "shape",
          `shapes ${formatShape(first.shape)} and ${formatShape(v.shape)} differ off axis ${axis}`,
        );
      }
    }
    const shape = [...first.shape];
    shape[axis] = inputs.reduce(
      (n, v) => n + concreteShape("concatenate", [v.shape[axis]!])[0]!,
      0,
    );
    return { shape, dtype: inputs.map((v) => v.dtype).reduce(promoteTypes) };
  },
  evaluate: (inputs, { axis }) => T.concat([...inputs], axis),
  vjp(ct, primals, _out, { axis }, needed) {
    const shape = concreteShape("concatenate", ct.shape);
    let offset = 0;
    return primals.map((p, i) => {
      const width = concreteShape("concatenate", p.shape)[axis]!;
      const starts = shape.map((_, a) => (a === axis ? offset : 0));
      const stops = shape.map((d, a) => (a === axis ? offset + width : d));
      offset += width;
      return needed[i] ? bind(slicePrimitive, [ct], { starts, stops }) : null;
    });
  },
  batch: (inputs, batched, { axis }, size) =>
    bind(
      concatenatePrimitive,
      inputs.map((x, i) => withBatch(x, batched[i]!, size)),
      { axis: axis + 1 },
    ),
  cost: () => free,
  notation: {
    forward: (inputs) => call("concat", "\\operatorname{concat}", ...inputs),
    adjoint: (i, ct) => atom(`${ct.text}[part ${i}]`, `${ct.latex}_{[${i}]}`),
  },
});

/** Joins values along the existing axis `axis` (default 0), as NumPy's concatenate. */
export function concatenate(values: readonly T.Tensor[], axis?: number): T.Tensor;
export function concatenate(values: readonly Value[], axis?: number): Value;
export function concatenate(values: readonly Value[], axis = 0): Value {
  const [normal] = normalizeAxes("concatenate", axis, values[0]?.shape.length ?? 0);
  return bind(concatenatePrimitive, values, { axis: normal! });
}
