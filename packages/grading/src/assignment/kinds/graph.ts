import { namedEdges, trace } from "@nnkit/autodiff";
import { graphCheck } from "../../checkers/graph-check.js";
import { compileNetwork, type Network } from "../../network/compile-network.js";
import { drawInstance } from "../../network/draw-instance.js";
import type { Part } from "../assignment.js";
import type { GraphPartSpec } from "../backprop-spec.js";
import { AssignmentSpecError, type SpecPath } from "../spec-error.js";

/**
 * The part of a computation-graph question (2.1.1's kind): the edges between the named variables
 * of the network as @nnkit/autodiff traces it, compared with the student's list of edges.
 */
export function graphParts(spec: GraphPartSpec, path: SpecPath): Part[] {
  const network = compileNetwork(spec.network, [...path, "network"]);
  const nodes = graphNodes(spec, network, [...path, "nodes"]);
  return [
    {
      label: "edges",
      field: "edges",
      weight: 1,
      visibility: "visible",
      check: graphCheck({ nodes, edges: () => referenceEdges(network, nodes) }),
    },
  ];
}

/**
 * The answer template's lines of a graph question: which names it may use, and its first edge as
 * an example.
 */
export function graphTemplateLines(spec: GraphPartSpec): string[] {
  const network = compileNetwork(spec.network, ["network"]);
  const nodes = graphNodes(spec, network, ["nodes"]);
  const [from, to] = referenceEdges(network, nodes)[0] ?? [nodes[0], nodes[1]];
  return [
    `# Edges over ${nodes.join(", ")} as "a -> b" or [a, b]`,
    "edges:",
    `  - "${from} -> ${to}"`,
  ];
}

function graphNodes(spec: GraphPartSpec, network: Network, path: SpecPath): readonly string[] {
  const variables = [...network.inputs.map((v) => v.name), ...network.equations.map((e) => e.name)];
  if (spec.nodes === undefined) return variables;
  const known = new Set([...variables, ...network.parameters.map((p) => p.name)]);
  for (const [i, node] of spec.nodes.entries()) {
    if (!known.has(node)) {
      throw new AssignmentSpecError(
        [...path, i],
        "reference",
        `${node} is not a variable of the network; expected one of ${[...known].join(", ")}`,
      );
    }
  }
  return spec.nodes;
}

/** The edges between `nodes` in the traced graph (through unnamed steps such as onehot). */
function referenceEdges(network: Network, nodes: readonly string[]): [string, string][] {
  const graph = trace(network.forward, ...drawInstance(network, 0));
  const shown = new Set(nodes);
  return namedEdges(graph).filter(([from, to]) => shown.has(from) && shown.has(to));
}
