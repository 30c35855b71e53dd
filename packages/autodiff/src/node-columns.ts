import type { DType } from "@nnkit/tensor";
import type { Dim } from "./dims.js";
import type { Graph, GraphNode, Params } from "./graph.js";

/**
 * The same nodes as columns, one entry per node (node i's inputs are `inputIds` from
 * `inputStart[i]` to `inputStart[i + 1]`): what the interpreters walk. A traced graph holds only
 * these until something reads `graph.nodes`; a garbage collection copies no object per node of
 * them (the typed arrays hold no pointers, the other columns point at a few shared values), which
 * is what kept the cost per op of a long graph growing with its length.
 */
export interface NodeColumns {
  readonly count: number;
  readonly ops: readonly GraphNode["op"][];
  readonly inputStart: Int32Array;
  readonly inputIds: Int32Array;
  readonly shapes: readonly (readonly Dim[])[];
  readonly dtypes: readonly DType[];
  readonly params: readonly Params[];
  /** Names given with `name(value, "z1")`, by node id. */
  readonly names: ReadonlyMap<number, string>;
}

const columnsByGraph = new WeakMap<Graph, NodeColumns>();

/** A graph over `columns`; its `nodes` are made the first time they are read. */
export function graphOfColumns(
  columns: NodeColumns,
  inputs: readonly number[],
  outputs: readonly number[],
): Graph {
  let nodes: GraphNode[] | undefined;
  const graph: Graph = {
    get nodes() {
      nodes ??= Array.from({ length: columns.count }, (_, id) => nodeOf(columns, id));
      return nodes;
    },
    inputs,
    outputs,
  };
  columnsByGraph.set(graph, columns);
  return graph;
}

/** The columns of a graph: its own for a traced one, made once from its nodes for any other. */
export function columnsOf(graph: Graph): NodeColumns {
  let columns = columnsByGraph.get(graph);
  if (!columns) {
    columns = columnsOfNodes(graph.nodes);
    columnsByGraph.set(graph, columns);
  }
  return columns;
}

function columnsOfNodes(nodes: readonly GraphNode[]): NodeColumns {
  const inputStart = new Int32Array(nodes.length + 1);
  nodes.forEach((node, id) => {
    inputStart[id + 1] = inputStart[id]! + node.inputs.length;
  });
  const names = new Map<number, string>();
  for (const node of nodes) if (node.name !== undefined) names.set(node.id, node.name);
  return {
    count: nodes.length,
    ops: nodes.map((n) => n.op),
    inputStart,
    inputIds: Int32Array.from(nodes.flatMap((n) => n.inputs)),
    shapes: nodes.map((n) => n.shape),
    dtypes: nodes.map((n) => n.dtype),
    params: nodes.map((n) => n.params),
    names,
  };
}

/** Node `id` as an object (for readers of `graph.nodes`; interpreters read the columns). */
function nodeOf(columns: NodeColumns, id: number): GraphNode {
  const inputs = Array.from(
    columns.inputIds.subarray(columns.inputStart[id], columns.inputStart[id + 1]),
  );
  const node = {
    id,
    op: columns.ops[id]!,
    inputs,
    shape: columns.shapes[id]!,
    dtype: columns.dtypes[id]!,
    params: columns.params[id]!,
  };
  const name = columns.names.get(id);
  return name === undefined ? node : { ...node, name };
}

/** Node `id`'s inputs, `inputIds[first … end)`, as `[first, end]`. */
export function inputRange(columns: NodeColumns, id: number): [first: number, end: number] {
  return [columns.inputStart[id]!, columns.inputStart[id + 1]!];
}

/**
 * Columns a tracer appends nodes to: typed arrays that double when full, so a node costs no
 * object of its own (its inputs are ids in one shared Int32Array).
 */
export class GrowingColumns implements NodeColumns {
  count = 0;
  readonly ops: GraphNode["op"][] = [];
  readonly shapes: (readonly Dim[])[] = [];
  readonly dtypes: DType[] = [];
  readonly params: Params[] = [];
  readonly names = new Map<number, string>();
  inputStart: Int32Array<ArrayBuffer> = new Int32Array(64);
  inputIds: Int32Array<ArrayBuffer> = new Int32Array(64);

  /** Appends a node; returns its id. */
  push(
    op: GraphNode["op"],
    inputs: ArrayLike<number>,
    shape: readonly Dim[],
    dtype: DType,
    params: Params,
  ): number {
    const id = this.count;
    if (id + 2 > this.inputStart.length) this.inputStart = grown(this.inputStart, id + 2);
    const first = this.inputStart[id]!;
    const end = first + inputs.length;
    if (end > this.inputIds.length) this.inputIds = grown(this.inputIds, end);
    for (let j = 0; j < inputs.length; j++) this.inputIds[first + j] = inputs[j]!;
    this.inputStart[id + 1] = end;
    this.ops.push(op);
    this.shapes.push(shape);
    this.dtypes.push(dtype);
    this.params.push(params);
    this.count = id + 1;
    return id;
  }

  /** The columns as they are now, trimmed to the nodes (views of the same typed arrays). */
  finished(): NodeColumns {
    const { count, ops, shapes, dtypes, params, names } = this;
    return {
      count,
      ops,
      inputStart: this.inputStart.subarray(0, count + 1),
      inputIds: this.inputIds.subarray(0, this.inputStart[count]),
      shapes,
      dtypes,
      params,
      names,
    };
  }
}

function grown(array: Int32Array, atLeast: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(atLeast, 2 * array.length));
  next.set(array);
  return next;
}
