import * as T from "@nnkit/tensor";
import { bind, operands } from "../bind.js";
import { perEntry } from "../cost.js";
import { hadamard } from "../equations/expr.js";
import type { BinaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Operand, Value } from "../tracer.js";
import { add } from "./add.js";
import { binaryShape } from "./elementwise.js";
import { spread, unbroadcast } from "./sum-broadcast.js";

export const mulPrimitive: Primitive<"mul"> = {
  name: "mul",
  shape: binaryShape("mul"),
  evaluate: ([a, b]) => T.mul(a!, b!),
  jvp([a, b], [ta, tb], out) {
    const left = ta ? mul(ta, b!) : null;
    const right = tb ? mul(a!, tb) : null;
    const sum = left && right ? add(left, right) : (left ?? right)!;
    return spread(sum, out.shape);
  },
  vjp: (ct, [a, b], _out, _params, needed) => [
    needed[0] ? unbroadcast(mul(ct, b!), a!.shape) : null,
    needed[1] ? unbroadcast(mul(a!, ct), b!.shape) : null,
  ],
  // One multiplication per output entry.
  cost: (_inputs, output) => perEntry(output.shape),
  notation: {
    forward: ([a, b]) => hadamard(a!, b!),
    adjoint: (i, ct, [a, b]) => hadamard(ct, i === 0 ? b! : a!),
  },
};

/** a ⊙ b, elementwise with broadcasting. */
export const mul = ((a: Operand, b: Operand): Value =>
  bind(mulPrimitive, operands(a, b), {})) as BinaryOp;
