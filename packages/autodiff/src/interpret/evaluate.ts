import { broadcastTo, Tensor } from "@nnkit/tensor";
import { bind, scalar } from "../bind.js";
import { formatShape, isConcreteShape, shapesEqual } from "../dims.js";
import { AutodiffError } from "../errors.js";
import type { Graph, GraphNode } from "../graph.js";
import { nameIfUnnamed } from "../ops/name.js";
import type { Value } from "../tracer.js";
import { savedFlags } from "./residuals.js";
import { walkGraph } from "./walk.js";

/**
 * The value of every node, given the graph's inputs. Values may be tensors (evaluation) or tracers
 * of an enclosing transformation (the graph is then inlined there, names included). With
 * `forBackward`, values only a backward pass will read are dropped after their last use (see
 * {@link dropAfterLastUse}); `saved` is the graph's {@link savedFlags} when the caller has them.
 */
export function evaluateNodes(
  graph: Graph,
  inputs: readonly Value[],
  options: { forBackward?: boolean; saved?: Uint8Array } = {},
): Value[] {
  const values = walkGraph(
    graph,
    inputs,
    (node, primitive, ins) => bind(primitive, ins, node.params),
    options.forBackward ? dropAfterLastUse(graph, options.saved ?? savedFlags(graph)) : undefined,
  );
  for (const node of graph.nodes) {
    if (node.name !== undefined) nameIfUnnamed(values[node.id]!, node.name);
  }
  return values;
}

/**
 * For a forward pass whose values only a backward pass will read: a walkGraph step that replaces
 * each value no VJP saves (`saved`), that is not a graph input, constant or output, by a stand-in
 * after its last consumer. A long graph then keeps only the values its VJPs read, and the others
 * die young instead of surviving every garbage collection until the backward pass. The plan is
 * two typed arrays (no list per node, nothing for the collector to scan).
 */
function dropAfterLastUse(
  graph: Graph,
  saved: Uint8Array,
): (node: GraphNode, values: Value[]) => void {
  const nodes = graph.nodes;
  const kept = Uint8Array.from(saved);
  for (const id of graph.outputs) kept[id] = 1;
  // The last consumer of each node (-1: none); nodes come in evaluation order.
  const lastUse = new Int32Array(nodes.length).fill(-1);
  for (const node of nodes) {
    if (node.op === "input" || node.op === "const") kept[node.id] = 1;
    const inputs = node.inputs;
    for (let j = 0; j < inputs.length; j++) lastUse[inputs[j]!] = node.id;
  }
  return (node, values) => {
    const inputs = node.inputs;
    for (let j = 0; j < inputs.length; j++) {
      const i = inputs[j]!;
      if (kept[i] === 0 && lastUse[i] === node.id) {
        values[i] = standIn(values[i]!);
        kept[i] = 1; // An input read twice by this node is replaced once.
      }
    }
  };
}

/**
 * What a dropped value becomes: a zero-strided view of a shared 0-d zero (bind's `scalar`) with
 * the value's shape and dtype, which VJPs may read (they read the shapes of inputs they do not
 * save). Tracers of an enclosing transformation are kept: they hold no data.
 */
function standIn(value: Value): Value {
  if (!(value instanceof Tensor)) return value;
  const zero = scalar(0, value.dtype);
  return value.rank === 0 ? zero : broadcastTo(zero, value.shape);
}

/** Runs the graph on concrete tensors, one per input, like JAX's `eval_jaxpr`; returns its outputs. */
export function evaluateGraph(graph: Graph, ...tensors: Tensor[]): Tensor[] {
  const op = "evaluateGraph";
  for (const node of graph.nodes) {
    if (!isConcreteShape(node.shape)) {
      throw new AutodiffError(
        op,
        "symbolic",
        `node %${node.id}${node.name ? ` (${node.name})` : ""} has symbolic shape ${formatShape(node.shape)}; evaluation needs concrete sizes, so trace with tensors or numeric shapes`,
      );
    }
  }
  if (tensors.length !== graph.inputs.length) {
    throw new AutodiffError(
      op,
      "argument",
      `expected ${graph.inputs.length} tensors, got ${tensors.length}`,
    );
  }
  tensors.forEach((t, k) => {
    const input = graph.nodes[graph.inputs[k]!]!;
    if (!shapesEqual(t.shape, input.shape) || t.dtype !== input.dtype) {
      throw new AutodiffError(
        op,
        "shape",
        `input ${k} must be ${input.dtype} ${formatShape(input.shape)}, got ${t.dtype} ${formatShape(t.shape)}`,
      );
    }
  });
  const values = evaluateNodes(graph, tensors);
  return graph.outputs.map((id) => values[id] as Tensor);
}
