// What reverse mode keeps from the forward pass: the values the primitives' VJPs read, as each
// declares in `saves` (primitives/declarations.test.ts checks every VJP against its declaration).
// Every other computed value is dropped once the forward pass is done; the backward pass sees its
// graph node instead, whose shape and dtype are all a VJP reads of a value it does not save.
import type { AbstractValue } from "../abstract-value.js";
import { type Graph, isSource } from "../graph.js";
import { getPrimitive } from "../primitives/registry.js";
import type { Value } from "../tracer.js";

/**
 * For each node, 1 when some VJP of the graph reads its value, else 0: one pass, no set (a
 * typed array holds no pointers, so garbage collections do not scan it however long the graph).
 */
export function savedFlags(graph: Graph): Uint8Array {
  const nodes = graph.nodes;
  const saved = new Uint8Array(nodes.length);
  for (const node of nodes) {
    if (node.op === "input" || node.op === "const") continue;
    const saves = getPrimitive(node.op).saves;
    for (let k = 0; k < saves.length; k++) {
      const s = saves[k]!;
      const id = s === "output" ? node.id : node.inputs[s];
      if (id !== undefined) saved[id] = 1;
    }
  }
  return saved;
}

/** The computed nodes whose values some VJP of the graph reads, in evaluation order. */
export function savedNodes(graph: Graph): number[] {
  const saved = savedFlags(graph);
  return graph.nodes.filter((n) => !isSource(n) && saved[n.id] === 1).map((n) => n.id);
}

/** A forward value the backward pass still has: the value itself, or only its shape and dtype. */
export type Residual = Value | AbstractValue;

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
  const nodes = graph.nodes;
  for (let id = 0; id < nodes.length; id++) {
    const node = nodes[id]!;
    if (!isSource(node) && saved[id] !== 1) values[id] = node;
  }
  return values;
}
