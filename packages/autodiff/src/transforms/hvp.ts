import type { Value } from "../tracer.js";
import { type GradientOf, grad } from "./grad.js";
import { jvp } from "./jvp.js";

/**
 * H(x)·v for a scalar-valued f, by forward mode over reverse mode: the JVP of the gradient
 * function along v. It never forms H, so it costs a small multiple of one gradient.
 */
export function hvp<X>(f: (x: X) => Value, x: X, v: X): GradientOf<X> {
  return jvp((point: X) => grad(f)(point), [x], [v])[1] as GradientOf<X>;
}
