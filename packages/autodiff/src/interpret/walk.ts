import type { Tensor } from "@nnkit/tensor";
import type { Graph, GraphNode } from "../graph.js";
import type { Primitive } from "../primitive.js";
import { getPrimitive } from "../primitives/registry.js";

/**
 * The walk every graph interpreter shares: seeds the inputs, takes constants as they are, and asks
 * `apply` for the value of each primitive node, in order, given its inputs' values.
 */
export function walkGraph<V>(
  graph: Graph,
  inputs: readonly V[],
  apply: (node: GraphNode, primitive: Primitive, ins: V[]) => V,
  /** Called after each primitive node's value is set, e.g. to drop values no longer needed. */
  afterNode?: (node: GraphNode, values: V[]) => void,
): V[] {
  const values: V[] = new Array(graph.nodes.length);
  graph.inputs.forEach((id, k) => {
    values[id] = inputs[k]!;
  });
  for (const node of graph.nodes) {
    if (node.op === "input") continue;
    values[node.id] =
      node.op === "const"
        ? (node.params.value as Tensor as V)
        : apply(
            node,
            getPrimitive(node.op),
            node.inputs.map((i) => values[i]!),
          );
    afterNode?.(node, values);
  }
  return values;
}
