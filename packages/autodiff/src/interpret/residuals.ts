// What reverse mode keeps from the forward pass: the values the primitives' VJPs read, as each
// declares in `saves` (primitives/declarations.test.ts checks every VJP against its declaration).
// Every other computed value is dropped once the forward pass is done; the backward pass reads its
// shape and dtype from the graph instead, which is all a VJP reads of a value it does not save.
import type { AbstractValue } from "../abstract-value.js";
import { type Graph, isSourceOp } from "../graph.js";
import { columnsOf } from "../node-columns.js";
import { getPrimitive } from "../primitives/registry.js";
import type { Value } from "../tracer.js";

/**
 * For each node, 1 when some VJP of the graph reads its value, else 0: one pass, no set (a
 * typed array holds no pointers, so garbage collections do not scan it however long the graph).
 */
export function savedFlags(graph: Graph): Uint8Array {
  const { count, ops, inputStart, inputIds } = columnsOf(graph);
  const saved = new Uint8Array(count);
  for (let id = 0; id < count; id++) {
    const op = ops[id]!;
    if (isSourceOp(op)) continue;
    const saves = getPrimitive(op).saves;
    const first = inputStart[id]!;
    for (let k = 0; k < saves.length; k++) {
      const s = saves[k]!;
      if (s === "output") saved[id] = 1;
      else if (first + s < inputStart[id + 1]!) saved[inputIds[first + s]!] = 1;
    }
  }
  return saved;
}

/** The computed nodes whose values some VJP of the graph reads, in evaluation order. */
export function savedNodes(graph: Graph): number[] {
  const saved = savedFlags(graph);
  const { count, ops } = columnsOf(graph);
  const ids: number[] = [];
  for (let id = 0; id < count; id++) {
    if (!isSourceOp(ops[id]!) && saved[id] === 1) ids.push(id);
  }
  return ids;
}

/**
 * A forward value the backward pass still has: the value itself, or `undefined` where it keeps
 * only the node's shape and dtype (the backward pass reads them from the graph).
 */
export type Residual = Value | undefined;

/**
 * Saved 0-d values kept as numbers, by node id (`packed[id]` is 1 for those): a forward pass for
 * a backward one (evaluate.ts) moves them here, so that a long scalar graph keeps no tensor
 * object per value for the collector to copy; the backward pass makes each again when it reads it.
 */
export interface PackedScalars {
  readonly numbers: Float64Array;
  readonly packed: Uint8Array;
}

export function packedScalars(graph: Graph): PackedScalars {
  const { count } = columnsOf(graph);
  return { numbers: new Float64Array(count), packed: new Uint8Array(count) };
}

/** The shape and dtype of node `id`, which stand in for a value that was not kept. */
export function abstractNode(graph: Graph, id: number): AbstractValue {
  const { shapes, dtypes } = columnsOf(graph);
  return { shape: shapes[id]!, dtype: dtypes[id]! };
}

/**
 * The forward values to keep for the backward pass: inputs, constants and the saved values
 * (`saved` as {@link savedFlags} computes it, when the caller has it already).
 */
export function keepForBackward(
  graph: Graph,
  values: readonly Value[],
  saved: Uint8Array = savedFlags(graph),
): Residual[] {
  return keepInPlace(graph, [...values], saved);
}

/**
 * {@link keepForBackward} written over `values` itself, for a caller that owns the array and
 * needs nothing else from it (vjp): no second array as long as the graph.
 */
export function keepInPlace(graph: Graph, values: Residual[], saved: Uint8Array): Residual[] {
  const { count, ops } = columnsOf(graph);
  for (let id = 0; id < count; id++) {
    if (!isSourceOp(ops[id]!) && saved[id] !== 1) values[id] = undefined;
  }
  return values;
}
