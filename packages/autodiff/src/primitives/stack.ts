import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { concreteShape, formatShape, shapesEqual } from "../dims.js";
import { atom, call } from "../equations/expr.js";
import { AutodiffError } from "../errors.js";
import type { Primitive } from "../primitive.js";
import { normalizeAxes, promoteTypes } from "../shapes.js";
import type { Value } from "../tracer.js";
import { linear } from "./linear.js";
import { withBatch } from "./sum-broadcast.js";
import { take } from "./take.js";
import { transpose } from "./transpose.js";

type StackParams = { axis: number };

/** Values of one shape stacked along a new axis: k values of shape S give S with k inserted at `axis`. */
export const stackPrimitive: Primitive<"stack", StackParams> = linear({
  name: "stack",
  shape(inputs, { axis }) {
    const first = inputs[0];
    if (!first) throw new AutodiffError("stack", "argument", "needs at least one value");
    for (const v of inputs) {
      if (!shapesEqual(v.shape, first.shape)) {
        throw new AutodiffError(
          "stack",
          "shape",
          `shapes ${formatShape(first.shape)} and ${formatShape(v.shape)} differ`,
        );
      }
    }
    const shape = [...first.shape];
    shape.splice(axis, 0, inputs.length);
    return { shape, dtype: inputs.map((v) => v.dtype).reduce(promoteTypes) };
  },
  evaluate: (inputs, { axis }) => T.stack([...inputs], axis),
  vjp(ct, primals, _out, { axis }, needed) {
    // Move the stacked axis last, then pick entry i of it for input i.
    const rank = ct.shape.length;
    const order = [...Array.from({ length: rank }, (_, a) => a).filter((a) => a !== axis), axis];
    const last = transpose(ct, order);
    return primals.map((p, i) =>
      needed[i] ? take(last, T.full(concreteShape("stack", p.shape), i, "int32")) : null,
    );
  },
  // Shared values are repeated along the batch, then stacked per example.
  batch: (inputs, batched, { axis }, size) =>
    bind(
      stackPrimitive,
      inputs.map((x, i) => withBatch(x, batched[i]!, size)),
      { axis: axis + 1 },
    ),
  cost: () => free,
  notation: {
    forward: (inputs) => call("stack", "\\operatorname{stack}", ...inputs),
    adjoint: (i, ct, _inputs, _out, { axis }) =>
      atom(`${ct.text}[${":, ".repeat(axis)}${i}]`, `${ct.latex}_{${":, ".repeat(axis)}${i}}`),
  },
});

/** Stacks values of one shape along a new axis at `axis` (default 0, as in NumPy and JAX). */
export function stack(values: readonly T.Tensor[], axis?: number): T.Tensor;
export function stack(values: readonly Value[], axis?: number): Value;
export function stack(values: readonly Value[], axis = 0): Value {
  const rank = (values[0]?.shape.length ?? 0) + 1;
  const [normal] = normalizeAxes("stack", axis, rank);
  return bind(stackPrimitive, values, { axis: normal! });
}
