// JAX's `deflinear` for primitives linear in every input (neg, scale, sum, broadcast, transpose,
// reshape, slice, pad, cumsum, concatenate, stack): such a primitive states only its VJP (its
// transpose, hand-written); its JVP is the primitive itself applied to the tangents, and it saves
// nothing for the backward pass, since a linear map's transpose needs shapes only.
import * as T from "@nnkit/tensor";
import type { AbstractValue } from "../abstract-value.js";
import { bind } from "../bind.js";
import { concreteShape } from "../dims.js";
import type { Params, Primitive } from "../primitive.js";
import type { PrimitiveName } from "../primitive-names.js";
import type { Value } from "../tracer.js";

/** A linear primitive's definition: everything but the JVP and `saves`, which follow from linearity. */
export type LinearPrimitive<Name extends PrimitiveName, P extends Params> = Omit<
  Primitive<Name, P>,
  "jvp" | "saves"
>;

/**
 * The primitive with its JVP (`t ↦ f(t)`, a known-zero tangent standing in as zeros of its
 * primal's shape; the interpreters call a JVP only when some tangent is non-zero) and `saves: []`.
 */
export function linear<Name extends PrimitiveName, P extends Params>(
  definition: LinearPrimitive<Name, P>,
): Primitive<Name, P> {
  const primitive: Primitive<Name, P> = {
    ...definition,
    saves: [],
    jvp: (primals, tangents, _out, params) =>
      bind(
        primitive,
        tangents.map((t, i) => t ?? zerosOf(definition.name, primals[i]!)),
        params,
      ),
  };
  return primitive;
}

function zerosOf(op: string, like: AbstractValue): Value {
  return T.zeros(concreteShape(op, like.shape), like.dtype);
}
