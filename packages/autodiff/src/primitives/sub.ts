import * as T from "@nnkit/tensor";
import { bind, operands } from "../bind.js";
import { free } from "../cost.js";
import { minus, negate } from "../equations/expr.js";
import type { BinaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Operand, Value } from "../tracer.js";
import { binaryShape } from "./elementwise.js";
import { neg } from "./neg.js";
import { spread, unbroadcast } from "./sum-broadcast.js";

export const subPrimitive: Primitive<"sub"> = {
  name: "sub",
  shape: binaryShape("sub"),
  evaluate: ([a, b]) => T.sub(a!, b!),
  jvp(_primals, [ta, tb], out) {
    if (ta && tb) return sub(ta, tb);
    return ta ? spread(ta, out.shape) : spread(neg(tb!), out.shape);
  },
  vjp: (ct, [a, b], _out, _params, needed) => [
    unbroadcast(ct, a!.shape),
    needed[1] ? unbroadcast(neg(ct), b!.shape) : null,
  ],
  cost: () => free,
  notation: {
    forward: ([a, b]) => minus(a!, b!),
    adjoint: (i, ct) => (i === 0 ? ct : negate(ct)),
  },
};

/** a − b, elementwise with broadcasting. */
export const sub = ((a: Operand, b: Operand): Value =>
  bind(subPrimitive, operands(a, b), {})) as BinaryOp;
