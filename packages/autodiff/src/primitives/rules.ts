// Rule helpers in the spirit of JAX's `defjvp`: an elementwise primitive states each input's share
// of the derivative; the helpers skip known zeros (null tangents, unneeded cotangents) and undo
// broadcasting, so each primitive file writes only its calculus.
import type { Params, Primitive } from "../primitive.js";
import type { PrimitiveName } from "../primitive-names.js";
import type { Value } from "../tracer.js";
import { addTangents } from "./add.js";
import { unbroadcast } from "./sum-broadcast.js";

/** Input i's share of the output tangent, given its (non-zero) tangent: t ⊙ ∂out/∂xᵢ. */
export type TangentShare<P extends Params> = (
  tangent: Value,
  primals: readonly Value[],
  out: Value,
  params: P,
) => Value | null;

/** Input i's cotangent before unbroadcasting, given the output's cotangent: ct ⊙ ∂out/∂xᵢ. */
export type CotangentShare<P extends Params> = (
  cotangent: Value,
  primals: readonly Value[],
  out: Value,
  params: P,
) => Value | null;

/**
 * The JVP of an elementwise primitive from one share per input (`null` for an input without a
 * derivative, such as a condition): the sum of the shares of the inputs whose tangents are not
 * known zeros, brought to the output's shape.
 */
export function elementwiseJvp<P extends Params = Params>(
  ...shares: (TangentShare<P> | null)[]
): Primitive<PrimitiveName, P>["jvp"] {
  return (primals, tangents, out, params) =>
    addTangents(
      tangents.map((t, i) => {
        const share = shares[i];
        return t === null || !share ? null : share(t, primals, out, params);
      }),
      out.shape,
    );
}

/**
 * The VJP of a broadcasting elementwise primitive from one share per input: each needed input gets
 * its share summed back to its own shape (the adjoint of broadcasting).
 */
export function elementwiseVjp<P extends Params = Params>(
  ...shares: (CotangentShare<P> | null)[]
): Primitive<PrimitiveName, P>["vjp"] {
  return (cotangent, primals, out, params, needed) =>
    primals.map((x, i) => {
      const share = shares[i];
      if (!needed[i] || !share) return null;
      const ct = share(cotangent, primals, out, params);
      return ct === null ? null : unbroadcast(ct, x.shape);
    });
}
