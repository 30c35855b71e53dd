// What reverse mode keeps from the forward pass: the values the primitives' VJPs read, as each
// declares in `saves` (primitives/declarations.test.ts checks every VJP against its declaration).
// Every other computed value is dropped once the forward pass is done; the backward pass sees its
// graph node instead, whose shape and dtype are all a VJP reads of a value it does not save.
import type { AbstractValue } from "../abstract-value.js";
import { type Graph, isSource } from "../graph.js";
import { getPrimitive } from "../primitives/registry.js";
import type { Value } from "../tracer.js";

/** The computed nodes whose values some VJP of the graph reads, in evaluation order. */
export function savedNodes(graph: Graph): number[] {
  const saved = new Set<number>();
  for (const node of graph.nodes) {
    if (node.op === "input" || node.op === "const") continue;
    for (const s of getPrimitive(node.op).saves) {
      const id = s === "output" ? node.id : node.inputs[s];
      if (id !== undefined) saved.add(id);
    }
  }
  return graph.nodes.filter((n) => !isSource(n) && saved.has(n.id)).map((n) => n.id);
}

/** A forward value the backward pass still has: the value itself, or only its shape and dtype. */
export type Residual = Value | AbstractValue;

/** The forward values to keep for the backward pass: inputs, constants and the saved values. */
export function keepForBackward(graph: Graph, values: readonly Value[]): Residual[] {
  const saved = new Set(savedNodes(graph));
  return graph.nodes.map((node) =>
    isSource(node) || saved.has(node.id) ? values[node.id]! : node,
  );
}
