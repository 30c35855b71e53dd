import { edges, type Graph } from "../graph.js";
import { describeNode } from "./labels.js";

// Mermaid labels are quoted strings; quotes inside become the #quot; entity.
const label = (s: string) => `"${s.replace(/"/g, "#quot;")}"`;

/** A Mermaid flowchart (left to right), inputs as rectangles and the rest as rounded boxes. */
export function toMermaid(graph: Graph): string {
  const lines = ["flowchart LR"];
  for (const node of graph.nodes) {
    const { title, detail } = describeNode(node);
    const text = label(`${title}<br/>${detail}`);
    lines.push(node.op === "input" ? `  n${node.id}[${text}]` : `  n${node.id}(${text})`);
  }
  for (const [from, to] of edges(graph)) lines.push(`  n${from} --> n${to}`);
  return lines.join("\n");
}
