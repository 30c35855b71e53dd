import type { Tensor } from "@nnkit/tensor";
import type { Operand, Value } from "../tracer.js";

// Ops return plain tensors when called on plain tensors, and tracers under a transformation.

export interface UnaryOp<Rest extends unknown[] = []> {
  (x: Tensor, ...rest: Rest): Tensor;
  (x: Value, ...rest: Rest): Value;
}

export interface BinaryOp {
  (a: Tensor | number, b: Tensor | number): Tensor;
  (a: Operand, b: Operand): Value;
}
