import * as T from "@nnkit/tensor";
import { bind, operands } from "../bind.js";
import { free } from "../cost.js";
import { atom, call, hadamard } from "../equations/expr.js";
import type { BinaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Operand, Value } from "../tracer.js";
import { ge } from "./compare.js";
import { binaryShape } from "./elementwise.js";
import { unbroadcast } from "./sum-broadcast.js";
import { where } from "./where.js";

export const maximumPrimitive: Primitive<"maximum"> = {
  name: "maximum",
  shape: binaryShape("maximum"),
  evaluate: ([a, b]) => T.maximum(a!, b!),
  // The derivative follows the larger operand; ties go to the first.
  jvp: ([a, b], [ta, tb]) => where(ge(a!, b!), ta ?? 0, tb ?? 0),
  vjp: (ct, [a, b], _out, _params, needed) => {
    const first = ge(a!, b!);
    return [
      needed[0] ? unbroadcast(where(first, ct, 0), a!.shape) : null,
      needed[1] ? unbroadcast(where(first, 0, ct), b!.shape) : null,
    ];
  },
  // Comparisons are not multiplications.
  cost: () => free,
  notation: {
    forward: ([a, b]) => call("max", "\\max", a!, b!),
    adjoint: (i, ct, [a, b]) =>
      hadamard(
        atom(
          i === 0 ? `I(${a!.text} ≥ ${b!.text})` : `I(${a!.text} < ${b!.text})`,
          i === 0
            ? `\\mathbb{I}(${a!.latex} \\ge ${b!.latex})`
            : `\\mathbb{I}(${a!.latex} < ${b!.latex})`,
        ),
        ct,
      ),
  },
};

/** The larger of a and b, elementwise with broadcasting. */
export const maximum = ((a: Operand, b: Operand): Value =>
  bind(maximumPrimitive, operands(a, b), {})) as BinaryOp;
