import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { concreteShape, formatShape, shapesEqual } from "../dims.js";
import { atom, call } from "../equations/expr.js";
import { AutodiffError } from "../errors.js";
import type { Primitive } from "../primitive.js";
import { promoteTypes } from "../shapes.js";
import type { Value } from "../tracer.js";
import { take } from "./take.js";

/** Values of one shape stacked along a new last axis: k values of shape S give S + [k]. */
export const stackPrimitive: Primitive<"stack"> = {
  name: "stack",
  saves: [],
  shape(inputs) {
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
    return {
      shape: [...first.shape, inputs.length],
      dtype: inputs.map((v) => v.dtype).reduce(promoteTypes),
    };
  },
  evaluate: (inputs) => T.stack([...inputs], inputs[0]!.rank),
  jvp(primals, tangents) {
    if (tangents.every((t) => t === null)) return null;
    return stack(
      tangents.map(
        (t, i) => t ?? T.zeros(concreteShape("stack", primals[i]!.shape), primals[i]!.dtype),
      ),
    );
  },
  vjp: (ct, primals, _out, _params, needed) =>
    primals.map((p, i) =>
      needed[i] ? take(ct, T.full(concreteShape("stack", p.shape), i, "int32")) : null,
    ),
  // Copies only.
  cost: () => free,
  notation: {
    forward: (inputs) => call("stack", "\\operatorname{stack}", ...inputs),
    adjoint: (i, ct) => atom(`${ct.text}[…, ${i}]`, `${ct.latex}_{\\ldots, ${i}}`),
  },
};

/** Stacks values of one shape along a new last axis. */
export function stack(values: readonly T.Tensor[]): T.Tensor;
export function stack(values: readonly Value[]): Value;
export function stack(values: readonly Value[]): Value {
  return bind(stackPrimitive, values, {});
}
