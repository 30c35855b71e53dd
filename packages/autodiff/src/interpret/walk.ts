import type { Tensor } from "@nnkit/tensor";
import type { Graph, Params } from "../graph.js";
import { columnsOf } from "../node-columns.js";
import type { Primitive } from "../primitive.js";
import { getPrimitive } from "../primitives/registry.js";

/**
 * The walk every graph interpreter shares: seeds the inputs, takes constants as they are, and asks
 * `apply` for the value of each primitive node `id`, in order, given its inputs' values and its
 * parameters. It reads the graph's columns (node-columns.ts), so a long graph is walked without
 * an object per node; `graph.nodes[id]` has the rest of a node when a caller wants it.
 */
export function walkGraph<V>(
  graph: Graph,
  inputs: readonly V[],
  apply: (id: number, primitive: Primitive, ins: V[], params: Params) => V,
  /** Called after each primitive node's value is set, e.g. to drop values no longer needed. */
  afterNode?: (id: number, values: V[]) => void,
): V[] {
  const { count, ops, params, inputStart, inputIds } = columnsOf(graph);
  const values: V[] = new Array(count);
  graph.inputs.forEach((id, k) => {
    values[id] = inputs[k]!;
  });
  for (let id = 0; id < count; id++) {
    const op = ops[id]!;
    if (op === "input") continue;
    if (op === "const") {
      values[id] = params[id]!.value as Tensor as V;
    } else {
      const first = inputStart[id]!;
      const ins = new Array<V>(inputStart[id + 1]! - first);
      for (let j = 0; j < ins.length; j++) ins[j] = values[inputIds[first + j]!]!;
      values[id] = apply(id, getPrimitive(op), ins, params[id]!);
    }
    afterNode?.(id, values);
  }
  return values;
}
