import type { AbstractValue } from "../abstract-value.js";
import { type Dim, dimEquals, shapesEqual } from "../dims.js";
import { broadcastShapes, floatResult, promoteTypes } from "../shapes.js";
import type { Value } from "../tracer.js";
import { broadcastTo } from "./broadcast.js";
import { reshape } from "./reshape.js";
import { sum } from "./sum.js";

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

/**
 * The adjoint of broadcasting: sums a cotangent over the axes that broadcasting added or
 * stretched, so it gets back the operand's `shape`.
 */
export function unbroadcast(ct: Value, shape: readonly Dim[]): Value {
  if (shapesEqual(ct.shape, shape)) return ct;
  const lead = ct.shape.length - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < ct.shape.length; i++) {
    if (i < lead || (shape[i - lead] === 1 && !dimEquals(ct.shape[i]!, 1))) axes.push(i);
  }
  const summed = axes.length > 0 ? sum(ct, axes, true) : ct;
  return reshape(summed, shape);
}

/** A tangent that may be a known zero, brought to the output's shape. */
export function spread(t: Value, shape: readonly Dim[]): Value {
  return shapesEqual(t.shape, shape) ? t : broadcastTo(t, shape);
}
