import type { AbstractValue } from "../abstract-value.js";
import { broadcastShapes, floatResult, promoteTypes } from "../shapes.js";

/** Shape rule of a broadcasting binary op. */
export function binaryShape(op: string) {
  return (inputs: readonly AbstractValue[]): AbstractValue => {
    const [a, b] = inputs as [AbstractValue, AbstractValue];
    // Two scalars (most ops of a scalar graph, traced or in its backward pass): a's shape is the
    // result's, shared rather than a new empty array per op.
    const shape =
      a.shape.length === 0 && b.shape.length === 0
        ? a.shape
        : broadcastShapes(op, a.shape, b.shape);
    return { shape, dtype: promoteTypes(a.dtype, b.dtype) };
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
