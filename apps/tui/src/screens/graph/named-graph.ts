// The graph the homework asks for in 2.1.1: only the named variables (x, t, z1, …, J) with an
// edge where one is computed from another, looking through unnamed intermediate nodes; the
// parameters W(k), b(k) are left out, as in the handout's drawing. Rendered as DOT or Mermaid.

export interface NamedGraph {
  nodes: readonly string[];
  edges: readonly (readonly [from: string, to: string])[];
}

/** The named graph restricted to `names`, in their order. */
export function namedGraph(
  names: readonly string[],
  edges: readonly (readonly [string, string])[],
): NamedGraph {
  const keep = new Set(names);
  return { nodes: names, edges: edges.filter(([from, to]) => keep.has(from) && keep.has(to)) };
}

const quoted = (name: string) => JSON.stringify(name);

export function namedGraphDot(graph: NamedGraph): string {
  return [
    "digraph computation_graph {",
    "  rankdir=LR;",
    ...graph.nodes.map((n) => `  ${quoted(n)};`),
    ...graph.edges.map(([from, to]) => `  ${quoted(from)} -> ${quoted(to)};`),
    "}",
    "",
  ].join("\n");
}

export function namedGraphMermaid(graph: NamedGraph): string {
  const id = new Map(graph.nodes.map((n, i) => [n, `n${i}`]));
  return [
    "flowchart LR",
    ...graph.nodes.map((n) => `  ${id.get(n)}["${n.replaceAll('"', "#quot;")}"]`),
    ...graph.edges.map(([from, to]) => `  ${id.get(from)} --> ${id.get(to)}`),
    "",
  ].join("\n");
}
