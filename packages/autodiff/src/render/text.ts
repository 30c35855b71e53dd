import { formatShape } from "../dims.js";
import type { Graph, GraphNode } from "../graph.js";

function label(node: GraphNode): string {
  return node.name ?? `%${node.id}`;
}

function fit(line: string, width: number): string {
  return [...line].length <= width ? line : `${[...line].slice(0, width - 1).join("")}…`;
}

/**
 * A plain-text drawing in evaluation order: each node on one line, arrows from its inputs,
 * its shape on the right; lines never exceed `width` characters (long ones end with "…").
 *
 *   x     [3]      input
 *   z1    [4]      ◀── add(%7, b(1))
 */
export function toText(graph: Graph, width = 80): string {
  const names = graph.nodes.map(label);
  const nameWidth = Math.min(12, Math.max(...names.map((n) => [...n].length)));
  const shapes = graph.nodes.map((n) => `${formatShape(n.shape)} ${n.dtype}`);
  const shapeWidth = Math.min(24, Math.max(...shapes.map((s) => s.length)));
  const outputs = new Set(graph.outputs);
  return graph.nodes
    .map((node, i) => {
      const head = `${names[i]!.padEnd(nameWidth)}  ${shapes[i]!.padEnd(shapeWidth)}  `;
      const what =
        node.op === "input"
          ? "input"
          : node.op === "const"
            ? "constant"
            : `◀── ${node.op === "compare" ? String(node.params.relation) : node.op}(${node.inputs.map((j) => names[j]).join(", ")})`;
      return fit(`${head}${what}${outputs.has(node.id) ? "  ⇒ output" : ""}`, width);
    })
    .join("\n");
}
