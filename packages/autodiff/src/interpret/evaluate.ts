import { Tensor } from "@nnkit/tensor";
import { bind } from "../bind.js";
import { formatShape, isConcreteShape, shapesEqual } from "../dims.js";
import { AutodiffError } from "../errors.js";
import { type Graph, isSourceOp } from "../graph.js";
import { columnsOf, type NodeColumns } from "../node-columns.js";
import { nameIfUnnamed } from "../ops/name.js";
import type { Value } from "../tracer.js";
import { type PackedScalars, packedScalars, type Residual, savedFlags } from "./residuals.js";
import { walkGraph } from "./walk.js";

/**
 * The value of every node, given the graph's inputs. Values may be tensors (evaluation) or tracers
 * of an enclosing transformation (the graph is then inlined there, names included).
 */
export function evaluateNodes(graph: Graph, inputs: readonly Value[]): Value[] {
  return evaluate(graph, inputs) as Value[]; // Nothing is dropped: every entry is a value.
}

/**
 * A forward pass whose values only a backward pass will read (vjp's): the value of every node
 * that is an input, a constant, an output or saved by a VJP (`saved`, the graph's
 * {@link savedFlags}); the others are dropped after their last use (see {@link dropAfterLastUse}).
 * Saved 0-d values are in `pack`, as numbers, and their entries are left empty.
 */
export function evaluateForBackward(
  graph: Graph,
  inputs: readonly Value[],
  saved: Uint8Array = savedFlags(graph),
): { values: Residual[]; pack: PackedScalars } {
  const pack = packedScalars(graph);
  const values = evaluate(graph, inputs, dropAfterLastUse(graph, saved, pack));
  return { values, pack };
}

function evaluate(
  graph: Graph,
  inputs: readonly Value[],
  afterNode?: (id: number, values: Residual[]) => void,
): Residual[] {
  // A value is dropped only after its last consumer, so a node's inputs are all there.
  const values = walkGraph<Residual>(
    graph,
    inputs,
    (_id, primitive, ins, params) => bind(primitive, ins as Value[], params),
    afterNode,
  );
  for (const [id, name] of columnsOf(graph).names) {
    const value = values[id];
    if (value !== undefined) nameIfUnnamed(value, name);
  }
  return values;
}

/**
 * For a forward pass whose values only a backward pass will read: a walkGraph step that empties
 * the entry of each value no VJP saves (`saved`), that is not a graph input, constant or output,
 * after its last consumer, and moves each saved 0-d tensor to `pack` then. A long graph then keeps
 * only the values its VJPs read, scalars as numbers in a typed array, and the rest dies young
 * instead of surviving every garbage collection until the backward pass. The plan is typed arrays
 * (no list per node, nothing for the collector to scan).
 */
function dropAfterLastUse(
  graph: Graph,
  saved: Uint8Array,
  pack: PackedScalars,
): (id: number, values: Residual[]) => void {
  const columns = columnsOf(graph);
  const { inputStart, inputIds } = columns;
  // Per node: 0 drop after the last use, 1 keep as it is, 2 saved (packed after the last use).
  const plan = new Uint8Array(columns.count);
  for (let id = 0; id < columns.count; id++) {
    plan[id] = isSourceOp(columns.ops[id]!) ? 1 : saved[id] === 1 ? 2 : 0;
  }
  for (const id of graph.outputs) plan[id] = 1;
  const lastUse = lastUses(columns);
  const done = (i: number, values: Residual[]) => {
    if (plan[i] === 0) values[i] = undefined;
    else packScalar(pack, i, values);
    plan[i] = 1; // An input read twice by its last consumer is replaced once.
  };
  return (id, values) => {
    for (let k = inputStart[id]!; k < inputStart[id + 1]!; k++) {
      const i = inputIds[k]!;
      if (plan[i] !== 1 && lastUse[i] === id) done(i, values);
    }
    if (plan[id] !== 1 && lastUse[id] === -1) done(id, values);
  };
}

/** Moves node `id`'s value into `pack` when it is a 0-d tensor. */
function packScalar(pack: PackedScalars, id: number, values: Residual[]): void {
  const value = values[id];
  if (!(value instanceof Tensor) || value.rank !== 0) return;
  pack.numbers[id] = value.data[value.offset]!;
  pack.packed[id] = 1;
  values[id] = undefined;
}

/** The last consumer of each node (-1: none); nodes come in evaluation order. */
function lastUses({ count, inputStart, inputIds }: NodeColumns): Int32Array {
  const lastUse = new Int32Array(count).fill(-1);
  for (let id = 0; id < count; id++) {
    for (let k = inputStart[id]!; k < inputStart[id + 1]!; k++) lastUse[inputIds[k]!] = id;
  }
  return lastUse;
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
