import { formatShape } from "../dims.js";
import type { Graph, GraphNode } from "../graph.js";

const NAME_COLUMN = 14;
const SHAPE_COLUMN = 24;

function label(node: GraphNode): string {
  return node.name ?? `%${node.id}`;
}

/** Terminal columns: code points, not counting combining marks (the bar of z̄1). */
function width(text: string): number {
  return [...text.replace(/\p{M}/gu, "")].length;
}

/** `text` cut to `columns` (ending in "…" when cut), then padded to exactly `columns`. */
function column(text: string, columns: number): string {
  if (width(text) <= columns) return text + " ".repeat(columns - width(text));
  let out = "";
  for (const char of text) {
    if (width(`${out}${char}`) > columns - 1) break;
    out += char;
  }
  return `${out}…${" ".repeat(columns - 1 - width(out))}`;
}

function fit(line: string, limit: number): string {
  return width(line) <= limit ? line : column(line, limit).trimEnd();
}

/**
 * A plain-text drawing in evaluation order: each node on one line, arrows from its inputs,
 * its shape on the right; columns line up (overlong names and shapes end with "…") and lines never
 * exceed `width` characters.
 *
 *   x     [3]      input
 *   z1    [4]      ◀── add(%7, b(1))
 */
export function toText(graph: Graph, limit = 80): string {
  const names = graph.nodes.map(label);
  const nameWidth = Math.min(NAME_COLUMN, Math.max(...names.map(width)));
  const shapes = graph.nodes.map((n) => `${formatShape(n.shape)} ${n.dtype}`);
  const shapeWidth = Math.min(SHAPE_COLUMN, Math.max(...shapes.map(width)));
  const outputs = new Set(graph.outputs);
  return graph.nodes
    .map((node, i) => {
      const head = `${column(names[i]!, nameWidth)}  ${column(shapes[i]!, shapeWidth)}  `;
      const what =
        node.op === "input"
          ? "input"
          : node.op === "const"
            ? "constant"
            : `◀── ${node.op === "compare" ? String(node.params.relation) : node.op}(${node.inputs.map((j) => names[j]).join(", ")})`;
      return fit(`${head}${what}${outputs.has(node.id) ? "  ⇒ output" : ""}`, limit);
    })
    .join("\n");
}
