import { type DType, full, type Tensor } from "@nnkit/tensor";
import { isConcreteShape, isSymbol } from "./dims.js";
import type { Params, Primitive } from "./primitive.js";
import type { PrimitiveName } from "./primitive-names.js";
import { assertLive, GraphBuilder, type Operand, Tracer, type Value } from "./tracer.js";

/**
 * Applies a primitive: on plain tensors it evaluates now; when any input is a tracer it records a
 * node in the deepest builder involved (or in `into`, for values that have no tracer inputs).
 */
export function bind<P extends Params>(
  primitive: Primitive<PrimitiveName, P>,
  inputs: readonly Value[],
  params: P,
  into?: GraphBuilder,
): Value {
  let target = into;
  for (const v of inputs) {
    if (v instanceof Tracer) {
      assertLive(v);
      if (!target || v.builder.depth > target.depth) target = v.builder;
    }
  }
  const out = primitive.shape(inputs, params);
  // Constants can still have a symbolic result (the VJP of a sum broadcasts a seed 1 to [n], a
  // mean's VJP divides by n): such a value exists only as a node of the graph being traced.
  if (!target && (!isConcreteShape(out.shape) || hasSymbolicSizes(params))) {
    target = GraphBuilder.innermost();
  }
  if (!target) return primitive.evaluate(inputs as readonly Tensor[], params);
  return target.emit(primitive.name, inputs, params, out);
}

/** Whether a parameter holds symbolic sizes (a broadcast's shape, a mean's divisors). */
function hasSymbolicSizes(params: Params): boolean {
  // A loop rather than Object.values(…).some(…): bind runs once per op, and its garbage adds up.
  for (const key in params) {
    const value = params[key];
    if (!Array.isArray(value)) continue;
    for (const d of value) if (typeof d === "object" && d !== null && isSymbol(d)) return true;
  }
  return false;
}

/** The dtype a plain number takes next to `other`, NumPy-2 "weak scalar" style. */
function weakScalarDType(value: number, other: DType): DType {
  if (other === "float32") return "float32";
  if (other === "int32" && Number.isInteger(value)) return "int32";
  return "float64";
}

/** Turns plain numbers into 0-d tensors whose dtype follows the other operand. */
export function operands(a: Operand, b: Operand): [Value, Value] {
  const av =
    typeof a === "number"
      ? scalar(a, typeof b === "number" ? "float64" : weakScalarDType(a, b.dtype))
      : a;
  const bv = typeof b === "number" ? scalar(b, weakScalarDType(b, av.dtype)) : b;
  return [av, bv];
}

/**
 * A 0-d tensor of `value`. Ops on plain numbers (`mul(v, 1.01)` in a loop, the 1 of tanh's VJP)
 * ask for the same few values over and over, so they are shared, by dtype then value: tensors
 * never change once made, so sharing one is not visible, and each call made a new one (storage,
 * buffer, tensor) for the garbage collector. -0 is not shared (a map key takes it for 0); the
 * cache is emptied when it holds many values (a loop counter as the number, say).
 */
export function scalar(value: number, dtype: DType = "float64"): Tensor {
  if (Object.is(value, -0)) return full([], value, dtype);
  let byValue = scalars.get(dtype);
  if (!byValue) {
    byValue = new Map();
    scalars.set(dtype, byValue);
  }
  let known = byValue.get(value);
  if (!known) {
    if (byValue.size >= SCALARS_KEPT) byValue.clear();
    known = full([], value, dtype);
    byValue.set(value, known);
  }
  return known;
}

const scalars = new Map<DType, Map<number, Tensor>>();
const SCALARS_KEPT = 256;
