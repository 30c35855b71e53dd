import { edges, type Graph } from "../graph.js";
import { describeNode } from "./labels.js";

const quote = (s: string) =>
  `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;

/** Graphviz DOT: inputs as boxes, outputs double-circled, named values bold. */
export function toDot(graph: Graph): string {
  const lines = ["digraph G {", "  rankdir=LR;", '  node [fontname="Helvetica"];'];
  const outputs = new Set(graph.outputs);
  for (const node of graph.nodes) {
    const { title, detail } = describeNode(node);
    const shape = node.op === "input" ? "box" : outputs.has(node.id) ? "doublecircle" : "ellipse";
    const style = node.name !== undefined ? ", style=bold" : "";
    lines.push(`  n${node.id} [label=${quote(`${title}\n${detail}`)}, shape=${shape}${style}];`);
  }
  for (const [from, to] of edges(graph)) lines.push(`  n${from} -> n${to};`);
  lines.push("}");
  return lines.join("\n");
}
