import { broadcastTo, type DType, Tensor, zeros } from "@nnkit/tensor";
import { bind } from "../bind.js";
import { formatShape, isConcreteShape, shapesEqual } from "../dims.js";
import { AutodiffError } from "../errors.js";
import type { Graph } from "../graph.js";
import { nameIfUnnamed } from "../ops/name.js";
import { getPrimitive } from "../primitives/registry.js";
import type { Value } from "../tracer.js";
import { walkGraph } from "./walk.js";

/**
 * The value of every node, given the graph's inputs. Values may be tensors (evaluation) or tracers
 * of an enclosing transformation (the graph is then inlined there, names included).
 */
export function evaluateNodes(
  graph: Graph,
  inputs: readonly Value[],
  options: { forBackward?: boolean } = {},
): Value[] {
  const drop = options.forBackward ? dropPlan(graph) : undefined;
  const values = walkGraph(
    graph,
    inputs,
    (node, primitive, ins) => bind(primitive, ins, node.params),
    drop &&
      ((node, current) => {
        for (const i of drop[node.id] ?? NOTHING) current[i] = standIn(current[i]!);
      }),
  );
  for (const node of graph.nodes) {
    if (node.name !== undefined) nameIfUnnamed(values[node.id]!, node.name);
  }
  return values;
}

const NOTHING: readonly number[] = [];

/**
 * For a forward pass whose values only a backward pass will read: after which node each value
 * that no VJP saves (see Primitive.saves) and that is not a graph input, constant or output can be
 * dropped, namely after its last consumer. A long graph then keeps only the values its VJPs read,
 * and the others die young instead of surviving every garbage collection until the backward pass.
 */
function dropPlan(graph: Graph): (number[] | undefined)[] {
  const kept = new Array<boolean>(graph.nodes.length).fill(false);
  for (const id of graph.outputs) kept[id] = true;
  const lastUse = new Array<number>(graph.nodes.length).fill(-1);
  for (const node of graph.nodes) {
    if (node.op === "input" || node.op === "const") {
      kept[node.id] = true;
      continue;
    }
    for (const saved of getPrimitive(node.op).saves) {
      const id = saved === "output" ? node.id : node.inputs[saved];
      if (id !== undefined) kept[id] = true;
    }
    for (const i of node.inputs) lastUse[i] = node.id;
  }
  const after: (number[] | undefined)[] = new Array(graph.nodes.length);
  lastUse.forEach((consumer, id) => {
    if (kept[id] || consumer < 0) return;
    const list = after[consumer];
    if (list) list.push(id);
    else after[consumer] = [id];
  });
  return after;
}

/** Zeros of one dtype, shared by every stand-in of that dtype. */
const zeroOf = new Map<DType, Tensor>();

/**
 * What a dropped value becomes: a zero-strided view of a shared 0-d zero with the value's shape and
 * dtype, which VJPs may read (they read the shapes of inputs they do not save). Tracers of an
 * enclosing transformation are kept: they hold no data.
 */
function standIn(value: Value): Value {
  if (!(value instanceof Tensor)) return value;
  let zero = zeroOf.get(value.dtype);
  if (!zero) {
    zero = zeros([], value.dtype);
    zeroOf.set(value.dtype, zero);
  }
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
