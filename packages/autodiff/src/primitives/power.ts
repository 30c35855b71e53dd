import * as T from "@nnkit/tensor";
import { bind, operands } from "../bind.js";
import { free } from "../cost.js";
import { atom, call, hadamard, infix, minus, Prec } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { Primitive } from "../primitive.js";
import { floatResult } from "../shapes.js";
import type { Operand, Value } from "../tracer.js";
import { alignOperands } from "./batching.js";
import { eq } from "./compare.js";
import { binaryShape } from "./elementwise.js";
import { log } from "./log.js";
import { mul } from "./mul.js";
import { elementwiseJvp, elementwiseVjp } from "./rules.js";
import { sub } from "./sub.js";
import { where } from "./where.js";

/** ∂xʸ/∂x = y·x^(y−1), itself a power so that it differentiates again. */
function baseShare(x: Value, y: Value): Value {
  return mul(y, power(x, sub(y, 1)));
}

/** ∂xʸ/∂y = xʸ·log x, taken as 0 where x = 0 (as JAX does: 0^y is flat in y there). */
function exponentShare(x: Value, out: Value): Value {
  const zero = eq(x, 0);
  return where(zero, 0, mul(out, log(where(zero, 1, x))));
}

/** xʸ elementwise with a tensor exponent (both broadcast); `pow` with a number is `pow`. */
export const powerPrimitive: Primitive<"power"> = {
  name: "power",
  saves: [0, 1, "output"],
  broadcasts: true,
  shape(inputs) {
    const out = binaryShape("power")(inputs);
    return { shape: out.shape, dtype: floatResult(out.dtype) };
  },
  evaluate: ([x, y]) => T.pow(x!, y!),
  jvp: elementwiseJvp(
    (t, [x, y]) => mul(t, baseShare(x!, y!)),
    (t, [x], out) => mul(t, exponentShare(x!, out)),
  ),
  vjp: elementwiseVjp(
    (ct, [x, y]) => mul(ct, baseShare(x!, y!)),
    (ct, [x], out) => mul(ct, exponentShare(x!, out)),
  ),
  // A general power is a transcendental function, not counted.
  batch: (inputs, batched, params) => bind(powerPrimitive, alignOperands(inputs, batched), params),
  cost: () => free,
  notation: {
    forward: ([x, y]) => infix(x!, "^", "^", y!, Prec.atom),
    adjoint: (i, ct, [x, y], out) =>
      i === 0
        ? hadamard(hadamard(y!, infix(x!, "^", "^", minus(y!, atom("1")), Prec.atom)), ct)
        : hadamard(hadamard(out, call("log", "\\log", x!)), ct),
  },
};

/** xʸ elementwise for a tensor (or number) exponent y, broadcasting. */
export function power(x: Operand, y: Operand): Value {
  return bind(powerPrimitive, operands(x, y), NO_PARAMS);
}
