import type { Tensor } from "@nnkit/tensor";
import { bind } from "../bind.js";
import type { Graph } from "../graph.js";
import { nameIfUnnamed } from "../ops/name.js";
import { getPrimitive } from "../primitives/registry.js";
import type { Value } from "../tracer.js";

/**
 * The value of every node, given the graph's inputs. Values may be tensors (evaluation) or tracers
 * of an enclosing transformation (the graph is then inlined there, names included).
 */
export function evaluateNodes(graph: Graph, inputs: readonly Value[]): Value[] {
  const values: Value[] = new Array(graph.nodes.length);
  graph.inputs.forEach((id, k) => {
    values[id] = inputs[k]!;
  });
  for (const node of graph.nodes) {
    if (node.op === "input") continue;
    values[node.id] =
      node.op === "const"
        ? (node.params.value as Tensor)
        : bind(
            getPrimitive(node.op),
            node.inputs.map((i) => values[i]!),
            node.params,
          );
  }
  for (const node of graph.nodes) {
    if (node.name !== undefined) nameIfUnnamed(values[node.id]!, node.name);
  }
  return values;
}
