import { bind } from "../bind.js";
import type { Graph } from "../graph.js";
import { nameIfUnnamed } from "../ops/name.js";
import type { Value } from "../tracer.js";
import { walkGraph } from "./walk.js";

/**
 * The value of every node, given the graph's inputs. Values may be tensors (evaluation) or tracers
 * of an enclosing transformation (the graph is then inlined there, names included).
 */
export function evaluateNodes(graph: Graph, inputs: readonly Value[]): Value[] {
  const values = walkGraph(graph, inputs, (node, primitive, ins) =>
    bind(primitive, ins, node.params),
  );
  for (const node of graph.nodes) {
    if (node.name !== undefined) nameIfUnnamed(values[node.id]!, node.name);
  }
  return values;
}
