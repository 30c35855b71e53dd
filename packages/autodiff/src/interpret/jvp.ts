import { bind } from "../bind.js";
import type { Graph } from "../graph.js";
import { columnsOf } from "../node-columns.js";
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
  const columns = columnsOf(graph);
  const { inputStart, inputIds } = columns;
  const dots: (Value | null)[] = new Array(columns.count).fill(null);
  graph.inputs.forEach((id, k) => {
    dots[id] = tangents[k] ?? null;
  });
  const values = walkGraph(graph, primals, (id, primitive, ins, params) => {
    const out = bind(primitive, ins, params);
    const first = inputStart[id]!;
    const inDots = new Array<Value | null>(ins.length);
    let anyTangent = false;
    for (let j = 0; j < ins.length; j++) {
      inDots[j] = dots[inputIds[first + j]!]!;
      anyTangent ||= inDots[j] !== null;
    }
    if (anyTangent) dots[id] = primitive.jvp(ins, inDots, out, params);
    return out;
  });
  for (const [id, name] of columns.names) {
    nameIfUnnamed(values[id]!, name);
    const dot = dots[id];
    if (dot) nameIfUnnamed(dot, tangentName(name));
  }
  return { values, tangents: dots };
}
