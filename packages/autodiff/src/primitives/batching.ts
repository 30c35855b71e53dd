// Helpers for batching rules (vmap). A batched value carries the batch along axis 0, so for most
// primitives the rule is the primitive itself with its axis parameters shifted by one; broadcasting
// ones first give each batched operand as many per-example axes as the result has, so that an
// unbatched operand broadcasts against the example axes, never against the batch.
import type { Value } from "../tracer.js";
import { reshape } from "./reshape.js";

/** A batched value with size-1 axes inserted after the batch, up to `rank` per-example axes. */
export function alignBatched(x: Value, rank: number): Value {
  const example = x.shape.slice(1);
  if (example.length >= rank) return x;
  return reshape(x, [x.shape[0]!, ...new Array<number>(rank - example.length).fill(1), ...example]);
}

/** Operands of a broadcasting primitive, the batched ones aligned to the result's rank. */
export function alignOperands(inputs: readonly Value[], batched: readonly boolean[]): Value[] {
  const rank = Math.max(...inputs.map((x, i) => x.shape.length - (batched[i] ? 1 : 0)));
  return inputs.map((x, i) => (batched[i] ? alignBatched(x, rank) : x));
}

/** Per-example axes as axes of the batched value. */
export function shifted(axes: readonly number[]): number[] {
  return axes.map((a) => a + 1);
}
