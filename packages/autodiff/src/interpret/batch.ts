import { bind } from "../bind.js";
import type { Dim } from "../dims.js";
import type { Graph } from "../graph.js";
import { columnsOf } from "../node-columns.js";
import type { Value } from "../tracer.js";
import { walkGraph } from "./walk.js";

/**
 * vmap as a graph interpreter: runs a graph traced on one example over a batch. Values flagged
 * `batched` carry the batch along axis 0; a node whose inputs are all shared is applied as is,
 * any other through its primitive's batching rule, so only what depends on the batch is batched.
 */
export function batchNodes(
  graph: Graph,
  inputs: readonly Value[],
  inputBatched: readonly boolean[],
  size: Dim,
): { values: Value[]; batched: boolean[] } {
  const { count, inputStart, inputIds } = columnsOf(graph);
  const batched = new Array<boolean>(count).fill(false);
  graph.inputs.forEach((id, k) => {
    batched[id] = inputBatched[k] === true;
  });
  const values = walkGraph(graph, inputs, (id, primitive, ins, params) => {
    const flags = Array.from(
      inputIds.subarray(inputStart[id], inputStart[id + 1]),
      (i) => batched[i]!,
    );
    if (!flags.some(Boolean)) return bind(primitive, ins, params);
    batched[id] = true;
    return primitive.batch(ins, flags, params, size);
  });
  return { values, batched };
}
