// The homework 2.1 network traced by @nnkit/autodiff on a seeded random instance: its graph,
// every named value with its adjoint, and the backward equations.
import {
  type BackwardEquations,
  backwardEquations,
  backwardValues,
  type Graph,
  type GraphNode,
  hw1Example,
  hw1Network,
  type NamedValue,
  trace,
} from "@nnkit/autodiff";
import { tensor } from "@nnkit/tensor";

export interface NetworkInstance {
  seed: number;
  /** The class, counted from 1 as the handout does (autodiff's t is 0-based). */
  classNumber: number;
  /** How many classes there are (rows of W(3)). */
  classes: number;
  graph: Graph;
  values: Map<string, NamedValue>;
  equations: BackwardEquations;
  /** Names of the parameter inputs (the network's first argument), as opposed to x and t. */
  parameters: Set<string>;
}

const network = (params: never, x: never, t: never) => hw1Network(params, x, t);

/** The seeded instance, with class `classNumber` (1-based; the example's own class when absent). */
export function networkInstance(seed: number, classNumber?: number): NetworkInstance {
  const example = hw1Example(seed);
  const { params, x } = example;
  const classes = params.W3.shape[0] as number;
  const t = classNumber === undefined ? example.t : tensor(classNumber - 1, { dtype: "int32" });
  const graph = trace(network, params, x, t);
  const parameterCount = Object.keys(params).length;
  const parameters = new Set(
    graph.inputs.slice(0, parameterCount).map((id) => graph.nodes[id]!.name ?? `%${id}`),
  );
  return {
    seed,
    classNumber: classNumber ?? Number(example.t.item()) + 1,
    classes,
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

/** A node's value as the handout writes it: t counts classes from 1. */
export function shownValue(instance: NetworkInstance, name: string): string {
  if (name === "t")
    return `${instance.classNumber} (class ${instance.classNumber} of ${instance.classes}, counted from 1)`;
  return instance.values.get(name)?.value.toString() ?? "";
}
