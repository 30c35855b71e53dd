import { formatShape } from "../dims.js";
import type { GraphNode } from "../graph.js";

/** `z1 = add [4]` style label: name (or %id), operation, shape. */
export function describeNode(node: GraphNode): { title: string; detail: string } {
  const title = node.name ?? `%${node.id}`;
  const op = node.op === "compare" ? String(node.params.relation) : node.op;
  return { title, detail: `${op} ${formatShape(node.shape)}` };
}
