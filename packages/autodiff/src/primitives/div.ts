import * as T from "@nnkit/tensor";
import { bind, operands } from "../bind.js";
import { perEntry } from "../cost.js";
import { divide, hadamard, negate } from "../equations/expr.js";
import type { BinaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import { floatResult } from "../shapes.js";
import type { Operand, Value } from "../tracer.js";
import { binaryShape } from "./elementwise.js";
import { mul } from "./mul.js";
import { neg } from "./neg.js";
import { sub } from "./sub.js";
import { spread, unbroadcast } from "./sum-broadcast.js";

export const divPrimitive: Primitive<"div"> = {
  name: "div",
  shape(inputs) {
    const out = binaryShape("div")(inputs);
    return { shape: out.shape, dtype: floatResult(out.dtype) };
  },
  evaluate: ([a, b]) => T.div(a!, b!),
  jvp([_a, b], [ta, tb], out) {
    // d(a/b) = da/b − (a/b)·db/b
    const left = ta ? div(ta, b!) : null;
    const right = tb ? div(mul(out, tb), b!) : null;
    if (left && right) return sub(left, right);
    return spread(left ?? neg(right!), out.shape);
  },
  vjp: (ct, [a, b], out, _params, needed) => [
    needed[0] ? unbroadcast(div(ct, b!), a!.shape) : null,
    needed[1] ? unbroadcast(neg(div(mul(ct, out), b!)), b!.shape) : null,
  ],
  // One multiplication (a division counts as one) per output entry.
  cost: (_inputs, output) => perEntry(output.shape),
  notation: {
    forward: ([a, b]) => divide(a!, b!),
    adjoint: (i, ct, [a, b]) =>
      i === 0 ? divide(ct, b!) : negate(divide(hadamard(ct, a!), hadamard(b!, b!))),
  },
};

/** a ⊘ b, elementwise with broadcasting; integers divide to float64. */
export const div = ((a: Operand, b: Operand): Value =>
  bind(divPrimitive, operands(a, b), {})) as BinaryOp;
