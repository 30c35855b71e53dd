import * as T from "@nnkit/tensor";
import { bind, operands } from "../bind.js";
import { free } from "../cost.js";
import { atom, call, hadamard } from "../equations/expr.js";
import type { BinaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Operand, Value } from "../tracer.js";
import { ge } from "./compare.js";
import { binaryShape } from "./elementwise.js";
import { elementwiseJvp, elementwiseVjp } from "./rules.js";
import { where } from "./where.js";

export const maximumPrimitive: Primitive<"maximum"> = {
  name: "maximum",
  saves: [0, 1],
  shape: binaryShape("maximum"),
  evaluate: ([a, b]) => T.maximum(a!, b!),
  // The derivative follows the larger operand; ties go to the first.
  jvp: elementwiseJvp(
    (t, [a, b]) => where(ge(a!, b!), t, 0),
    (t, [a, b]) => where(ge(a!, b!), 0, t),
  ),
  vjp: elementwiseVjp(
    (ct, [a, b]) => where(ge(a!, b!), ct, 0),
    (ct, [a, b]) => where(ge(a!, b!), 0, ct),
  ),
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
