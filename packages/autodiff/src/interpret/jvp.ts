import { bind } from "../bind.js";
import type { Graph } from "../graph.js";
import { nameIfUnnamed, tangentName } from "../ops/name.js";
import type { Value } from "../tracer.js";
import { walkGraph } from "./walk.js";

/**
 * Forward mode as a graph interpreter: every node's value and tangent (`null` is a known zero),
 * each tangent built by the primitive's JVP rule from the package's ops.
 */
export function jvpNodes(
  graph: Graph,
  primals: readonly Value[],
  tangents: readonly (Value | null)[],
): { values: Value[]; tangents: (Value | null)[] } {
  const dots: (Value | null)[] = new Array(graph.nodes.length).fill(null);
  graph.inputs.forEach((id, k) => {
    dots[id] = tangents[k] ?? null;
  });
  const values = walkGraph(graph, primals, (node, primitive, ins) => {
    const out = bind(primitive, ins, node.params);
    const inDots = node.inputs.map((i) => dots[i]!);
    if (inDots.some((d) => d !== null))
      dots[node.id] = primitive.jvp(ins, inDots, out, node.params);
    return out;
  });
  for (const node of graph.nodes) {
    if (node.name === undefined) continue;
    nameIfUnnamed(values[node.id]!, node.name);
    const dot = dots[node.id];
    if (dot) nameIfUnnamed(dot, tangentName(node.name));
  }
  return { values, tangents: dots };
}
