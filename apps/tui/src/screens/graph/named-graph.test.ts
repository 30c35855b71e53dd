import { namedEdges } from "@nnkit/autodiff";
import { describe, expect, it } from "vitest";
import { namedGraph, namedGraphDot, namedGraphMermaid } from "./named-graph.js";
import { networkInstance } from "./network-instance.js";

// The handout's 2.1 graph: 11 variables and the 11 edges of its definitions.
const handoutEdges = [
  ["x", "z1"],
  ["z1", "h"],
  ["x", "z2"],
  ["z2", "g1"],
  ["g1", "g2"],
  ["h", "g2"],
  ["g2", "y"],
  ["y", "y'"],
  ["y'", "S"],
  ["t", "S"],
  ["S", "J"],
];

describe("the 2.1.1 graph", () => {
  const { graph, parameters } = networkInstance(1);
  const names = graph.nodes
    .map((n) => n.name)
    .filter((n): n is string => n !== undefined && !parameters.has(n));
  const homework = namedGraph(names, namedEdges(graph));

  it("has the handout's 11 nodes and edges, and no parameter or internal node", () => {
    expect([...homework.nodes].sort()).toEqual(
      ["x", "t", "z1", "h", "z2", "g1", "g2", "y", "y'", "S", "J"].sort(),
    );
    expect(homework.edges.map((e) => e.join("→")).sort()).toEqual(
      handoutEdges.map((e) => e.join("→")).sort(),
    );
  });

  it("renders as DOT and Mermaid with one line per node and edge", () => {
    const dot = namedGraphDot(homework);
    expect(dot).toMatch(/^digraph computation_graph \{/);
    expect(dot).toContain('  "y\'" -> "S";');
    expect(dot.split("\n").filter((l) => l.includes("->"))).toHaveLength(11);
    const mermaid = namedGraphMermaid(homework);
    expect(mermaid.split("\n").filter((l) => l.includes("-->"))).toHaveLength(11);
    expect(mermaid.split("\n").filter((l) => /^ {2}n\d+\["/.test(l))).toHaveLength(11);
  });
});
