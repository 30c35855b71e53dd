import type { Tensor } from "@nnkit/tensor";
import type { AbstractValue } from "./abstract-value.js";
import type { CostRule } from "./cost.js";
import type { Dim } from "./dims.js";
import type { Expr } from "./equations/expr.js";
import type { Params } from "./graph.js";
import type { PrimitiveName } from "./primitive-names.js";
import type { Value } from "./tracer.js";

export type { Params };

/**
 * What a VJP reads from the forward pass besides shapes: input positions and/or "output". Reverse
 * mode must keep these values alive until the backward pass, so its memory follows from this list.
 */
export type Saved = readonly (number | "output")[];

/**
 * One entry of the primitive table. Derivative rules are written with the package's own ops, so
 * they trace into graphs like any other code and can be differentiated again.
 */
export interface Primitive<Name extends PrimitiveName = PrimitiveName, P extends Params = Params> {
  readonly name: Name;
  /** The VJP's residuals: which forward values it reads (a test checks the VJP reads no other). */
  readonly saves: Saved;
  /**
   * Inputs broadcast to the output's shape (NumPy's rules), so an input's adjoint is summed over
   * the axes broadcasting added or stretched; the backward equations write that sum. "batch": only
   * the leading batch axes of stacked matrices broadcast (matmul).
   */
  readonly broadcasts?: true | "batch";
  /** The result is a view of input 0 (same storage, as @nnkit/tensor implements it): no memory. */
  readonly view?: true;
  /** Output shape and dtype from the inputs' (possibly symbolic) ones; throws on mismatches. */
  shape(inputs: readonly AbstractValue[], params: P): AbstractValue;
  /** The computation on concrete tensors. */
  evaluate(inputs: readonly Tensor[], params: P): Tensor;
  /** Tangent of the output given input tangents (`null` is a known zero); `null` if it is zero. */
  jvp(
    primals: readonly Value[],
    tangents: readonly (Value | null)[],
    out: Value,
    params: P,
  ): Value | null;
  /** Cotangent for each input whose `needed` flag is set (`null` otherwise or when zero). */
  vjp(
    cotangent: Value,
    primals: readonly Value[],
    out: Value,
    params: P,
    needed: readonly boolean[],
  ): readonly (Value | null)[];
  /**
   * The batching rule (vmap's, as in Autodidax): inputs flagged in `batched` carry a batch of
   * `size` examples along their axis 0, the others are shared by every example; the result carries
   * the batch along its axis 0. Written with the package's ops, so it composes with the others.
   */
  batch(inputs: readonly Value[], batched: readonly boolean[], params: P, size: Dim): Value;
  /** Scalar multiplications under the course's cost model, as data (@nnkit/cost adds them up). */
  cost(inputs: readonly AbstractValue[], output: AbstractValue, params: P): CostRule;
  /** How the value and the adjoint of input `index` read in a hand derivation. */
  notation: {
    forward(inputs: readonly Expr[], params: P): Expr;
    adjoint(index: number, cotangent: Expr, inputs: readonly Expr[], out: Expr, params: P): Expr;
  };
}
