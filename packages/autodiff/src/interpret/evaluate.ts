import type { Tensor } from "@nnkit/tensor";
import { bind } from "../bind.js";
import { formatShape, isConcreteShape, shapesEqual } from "../dims.js";
import { AutodiffError } from "../errors.js";
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
