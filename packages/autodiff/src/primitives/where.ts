import * as T from "@nnkit/tensor";
import { bind, operands } from "../bind.js";
import { free } from "../cost.js";
import { atom, call } from "../equations/expr.js";
import { AutodiffError } from "../errors.js";
import { NO_PARAMS } from "../graph.js";
import type { Primitive } from "../primitive.js";
import { broadcastShapes, promoteTypes } from "../shapes.js";
import type { Operand, Value } from "../tracer.js";
import { alignOperands } from "./batching.js";
import { elementwiseJvp, elementwiseVjp } from "./rules.js";

export const wherePrimitive: Primitive<"where"> = {
  name: "where",
  saves: [0],
  broadcasts: true,
  shape([cond, a, b]) {
    if (cond!.dtype !== "bool") {
      throw new AutodiffError("where", "dtype", `condition must be bool, got ${cond!.dtype}`);
    }
    const values = broadcastShapes("where", a!.shape, b!.shape);
    return {
      shape: broadcastShapes("where", cond!.shape, values),
      dtype: promoteTypes(a!.dtype, b!.dtype),
    };
  },
  evaluate: ([cond, a, b]) => T.where(cond!, a!, b!),
  // The condition is a bool mask: it has no derivative.
  jvp: elementwiseJvp(
    null,
    (t, [cond]) => where(cond!, t, 0),
    (t, [cond]) => where(cond!, 0, t),
  ),
  vjp: elementwiseVjp(
    null,
    (ct, [cond]) => where(cond!, ct, 0),
    (ct, [cond]) => where(cond!, 0, ct),
  ),
  batch: (inputs, batched, params) => bind(wherePrimitive, alignOperands(inputs, batched), params),
  cost: () => free,
  notation: {
    forward: ([cond, a, b]) => call("where", "\\operatorname{where}", cond!, a!, b!),
    adjoint: (i, ct, [cond]) =>
      i === 0
        ? atom("0")
        : call(
            "where",
            "\\operatorname{where}",
            cond!,
            i === 1 ? ct : atom("0"),
            i === 1 ? atom("0") : ct,
          ),
  },
};

/** `a` where `cond` holds, else `b` (all three broadcast together). */
export function where(cond: T.Tensor, a: T.Tensor | number, b: T.Tensor | number): T.Tensor;
export function where(cond: Value, a: Operand, b: Operand): Value;
export function where(cond: Value, a: Operand, b: Operand): Value {
  const [av, bv] = operands(a, b);
  return bind(wherePrimitive, [cond, av, bv], NO_PARAMS);
}
