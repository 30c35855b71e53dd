// The homework 2.1 network traced by @nnkit/autodiff on a seeded random instance: its graph,
// every named value with its adjoint, and the backward equations.
import {
  type BackwardEquations,
  backwardEquations,
  backwardValues,
  type Graph,
  type GraphNode,
  type NamedValue,
  trace,
} from "@nnkit/autodiff";
import { hw1Example, hw1Network } from "@nnkit/grading/hw1";

export interface NetworkInstance {
  seed: number;
  graph: Graph;
  values: Map<string, NamedValue>;
  equations: BackwardEquations;
  /** Names of the parameter inputs (the network's first argument), as opposed to x and t. */
  parameters: Set<string>;
}

const network = (params: never, x: never, t: never) => hw1Network(params, x, t);

export function networkInstance(seed: number): NetworkInstance {
  const { params, x, t } = hw1Example(seed);
  const graph = trace(network, params, x, t);
  const parameterCount = Object.keys(params).length;
  const parameters = new Set(
    graph.inputs.slice(0, parameterCount).map((id) => graph.nodes[id]!.name ?? `%${id}`),
  );
  return {
    seed,
    graph,
    values: backwardValues(network, [params, x, t]),
    equations: backwardEquations(graph),
    parameters,
  };
}

/** How a named node is computed from named nodes, looking through unnamed intermediates. */
export function forwardExpression(graph: Graph, node: GraphNode): string {
  const operand = (id: number): string => {
    const source = graph.nodes[id]!;
    return source.name ?? forwardExpression(graph, source);
  };
  if (node.op === "input") return "input";
  if (node.op === "const") return "constant";
  return `${node.op}(${node.inputs.map(operand).join(", ")})`;
}
