import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { atom, call, hadamard, minus } from "../equations/expr.js";
import { NO_PARAMS } from "../graph.js";
import type { UnaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { floatUnaryShape } from "./elementwise.js";
import { mul } from "./mul.js";
import { elementwiseJvp } from "./rules.js";
import { sub } from "./sub.js";

export const sigmoidPrimitive: Primitive<"sigmoid"> = {
  name: "sigmoid",
  saves: ["output"],
  shape: floatUnaryShape,
  evaluate: ([x]) => T.sigmoid(x!),
  // σ' = σ(1 − σ), from the output.
  jvp: elementwiseJvp((t, _primals, out) => mul(t, mul(out, sub(1, out)))),
  vjp: (ct, _primals, out) => [mul(ct, mul(out, sub(1, out)))],
  // Transcendental functions are not scalar multiplications in the course's cost model.
  // Entry by entry: the batch axis is one more leading axis.
  batch: ([x], _batched, params) => bind(sigmoidPrimitive, [x!], params),
  cost: () => free,
  notation: {
    forward: ([x]) => call("σ", "\\sigma", x!),
    adjoint(_i, ct, [x]) {
      const s = call("σ", "\\sigma", x!);
      return hadamard(hadamard(s, minus(atom("1"), s)), ct);
    },
  },
};

/** The logistic sigmoid σ(x) = 1 / (1 + e⁻ˣ), elementwise. */
export const sigmoid = ((x: Value): Value => bind(sigmoidPrimitive, [x], NO_PARAMS)) as UnaryOp;
