import type { Tensor } from "@nnkit/tensor";
import { bind } from "../bind.js";
import type { Graph } from "../graph.js";
import { nameIfUnnamed, tangentName } from "../ops/name.js";
import { getPrimitive } from "../primitives/registry.js";
import type { Value } from "../tracer.js";

/**
 * Forward mode as a graph interpreter: every node's value and tangent (`null` is a known zero),
 * each tangent built by the primitive's JVP rule from the package's ops.
 */
export function jvpNodes(
  graph: Graph,
  primals: readonly Value[],
  tangents: readonly (Value | null)[],
): { values: Value[]; tangents: (Value | null)[] } {
  const values: Value[] = new Array(graph.nodes.length);
  const dots: (Value | null)[] = new Array(graph.nodes.length).fill(null);
  graph.inputs.forEach((id, k) => {
    values[id] = primals[k]!;
    dots[id] = tangents[k] ?? null;
  });
  for (const node of graph.nodes) {
    if (node.op === "input") continue;
    if (node.op === "const") {
      values[node.id] = node.params.value as Tensor;
      continue;
    }
    const primitive = getPrimitive(node.op);
    const ins = node.inputs.map((i) => values[i]!);
    const out = bind(primitive, ins, node.params);
    values[node.id] = out;
    const inDots = node.inputs.map((i) => dots[i]!);
    if (inDots.some((d) => d !== null))
      dots[node.id] = primitive.jvp(ins, inDots, out, node.params);
  }
  for (const node of graph.nodes) {
    if (node.name === undefined) continue;
    nameIfUnnamed(values[node.id]!, node.name);
    const dot = dots[node.id];
    if (dot) nameIfUnnamed(dot, tangentName(node.name));
  }
  return { values, tangents: dots };
}
