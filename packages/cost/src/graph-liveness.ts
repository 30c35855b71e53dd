import { type Graph, type GraphNode, getPrimitive, savedNodes } from "@nnkit/autodiff";

/** Whether a node's value is a view of its first input (its primitive declares `view`): no storage. */
export function isView(node: GraphNode): boolean {
  return node.op !== "input" && node.op !== "const" && getPrimitive(node.op).view === true;
}

/** Which values of a graph hold storage, and which of them are alive at each step. */
export interface GraphLiveness {
  /** Inputs and constants: alive throughout. */
  readonly sources: readonly number[];
  /** Nodes that compute and store a new value (not views), in evaluation order. */
  readonly computed: readonly number[];
  /** Computed nodes whose value (or a view of it) is an output. */
  readonly outputs: ReadonlySet<number>;
  /** For each computed node, the computed values alive while it is produced (itself included). */
  readonly liveDuring: ReadonlyMap<number, readonly number[]>;
  /**
   * Computed values a backward pass reads: what the primitives' VJPs declare they save (`saves`),
   * through views to the value that owns the storage. Reverse mode keeps these until it runs.
   */
  readonly residuals: readonly number[];
}

/**
 * A value lives from its node until the last node reading it or any view of it; outputs live
 * to the end.
 */
export function graphLiveness(graph: Graph): GraphLiveness {
  const owner: number[] = [];
  for (const node of graph.nodes) {
    owner[node.id] = isView(node) ? owner[node.inputs[0]!]! : node.id;
  }
  const isSource = (id: number) => ["input", "const"].includes(graph.nodes[id]!.op);
  const sources = graph.nodes.map((n) => n.id).filter(isSource);
  const computed = graph.nodes.map((n) => n.id).filter((id) => !isSource(id) && owner[id] === id);
  const outputs = new Set(graph.outputs.map((id) => owner[id]!).filter((id) => !isSource(id)));
  const lastUse: number[] = graph.nodes.map((n) => n.id);
  for (const node of graph.nodes) {
    for (const input of node.inputs) {
      lastUse[owner[input]!] = Math.max(lastUse[owner[input]!]!, node.id);
    }
  }
  for (const id of outputs) lastUse[id] = graph.nodes.length;
  const liveDuring = new Map(
    computed.map((k) => [k, computed.filter((id) => id <= k && lastUse[id]! >= k)] as const),
  );
  const saved = new Set(savedNodes(graph).map((id) => owner[id]!));
  const residuals = computed.filter((id) => saved.has(id));
  return { sources, computed, outputs, liveDuring, residuals };
}
