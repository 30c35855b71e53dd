import { type Graph, keepForBackward, walkGraph } from "@nnkit/autodiff";
import { countOps, type Tensor } from "@nnkit/tensor";
import { CostError } from "./errors.js";
import { graphLiveness } from "./graph-liveness.js";

/** What evaluating a traced graph on real tensors did, counted by @nnkit/tensor's countOps. */
export interface GraphMeasurement {
  readonly outputs: readonly Tensor[];
  readonly multiplications: number;
  /** Entries of the tensors passed in. */
  readonly inputElements: number;
  /** Entries of the graph's non-scalar constants (stored with the graph, not allocated by the run). */
  readonly constElements: number;
  /** Entries newly allocated by the run. */
  readonly allocatedElements: number;
  /** inputElements + constElements + allocatedElements: the `all-stored` convention, measured. */
  readonly storedElements: number;
  /** Most entries alive at once: inputs and constants throughout, each node's allocation until its last use. */
  readonly peakLiveElements: number;
  /**
   * Entries of the storage reverse mode keeps for the backward pass beyond inputs and constants:
   * the distinct buffers of the tensors @nnkit/autodiff's `keepForBackward` keeps (a view keeps
   * the buffer it reads).
   */
  readonly residualElements: number;
}

/**
 * Evaluates the graph node by node with each primitive's own tensor evaluation, counting every
 * node separately, so graphCost's formulas (including peak memory) can be checked against it.
 */
export function measureGraph(graph: Graph, ...inputs: Tensor[]): GraphMeasurement {
  if (inputs.length !== graph.inputs.length) {
    throw new CostError(
      "measureGraph",
      "argument",
      `the graph has ${graph.inputs.length} inputs, ${inputs.length} tensors given`,
    );
  }
  const allocated: number[] = [];
  let multiplications = 0;
  const values = walkGraph(graph, inputs, (id, primitive, ins, params) => {
    const counted = countOps(() => primitive.evaluate(ins, params));
    allocated[id] = counted.allocatedElements;
    multiplications += counted.multiplications;
    return counted.result;
  });
  const { sources, computed, liveDuring } = graphLiveness(graph);
  // Scalar constants are literals, not stored (as in graphCost).
  const stored = (id: number) => graph.nodes[id]!.op === "input" || values[id]!.rank > 0;
  const elements = (op: string) =>
    sources
      .filter((id) => graph.nodes[id]!.op === op && stored(id))
      .reduce((sum, id) => sum + values[id]!.size, 0);
  const inputElements = elements("input");
  const constElements = elements("const");
  const allocatedElements = allocated.reduce((sum, a) => sum + (a ?? 0), 0);
  const alive = (ids: readonly number[]) => ids.reduce((sum, id) => sum + (allocated[id] ?? 0), 0);
  const base = inputElements + constElements;
  const sourceBuffers = new Set(sources.map((id) => values[id]!.data));
  const kept = keepForBackward(graph, values).filter((v, id) => v === values[id]);
  const residualBuffers = new Set(
    kept.map((v) => (v as Tensor).data).filter((data) => !sourceBuffers.has(data)),
  );
  return {
    outputs: graph.outputs.map((id) => values[id]!),
    multiplications,
    inputElements,
    constElements,
    allocatedElements,
    storedElements: base + allocatedElements,
    peakLiveElements: Math.max(base, ...computed.map((k) => base + alive(liveDuring.get(k)!))),
    residualElements: [...residualBuffers].reduce((sum, data) => sum + data.length, 0),
  };
}
