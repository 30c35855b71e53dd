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
    if (node.op === "const") {
      values[node.id] = node.params.value as Tensor as V;
    } else {
      // A loop, not `inputs.map(…)`: no closure per node (it runs once per node of long graphs).
      const ins = new Array<V>(node.inputs.length);
      for (let j = 0; j < ins.length; j++) ins[j] = values[node.inputs[j]!]!;
      values[node.id] = apply(node, getPrimitive(node.op), ins);
    }
    afterNode?.(node, values);
  }
  return values;
}
