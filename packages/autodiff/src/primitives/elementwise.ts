import type { AbstractValue } from "../abstract-value.js";
import { broadcastShapes, floatResult, promoteTypes } from "../shapes.js";

/** Shape rule of a broadcasting binary op. */
export function binaryShape(op: string) {
  return (inputs: readonly AbstractValue[]): AbstractValue => {
    const [a, b] = inputs as [AbstractValue, AbstractValue];
    return { shape: broadcastShapes(op, a.shape, b.shape), dtype: promoteTypes(a.dtype, b.dtype) };
  };
}

/** Shape rule of a same-shape function with a floating-point result (exp, log, tanh, …). */
export function floatUnaryShape(inputs: readonly AbstractValue[]): AbstractValue {
  const x = inputs[0]!;
  return { shape: x.shape, dtype: floatResult(x.dtype) };
}

/** Shape rule of a same-shape, same-dtype op (neg, relu, …). */
export function sameShape(inputs: readonly AbstractValue[]): AbstractValue {
  const x = inputs[0]!;
  return { shape: x.shape, dtype: x.dtype };
}
