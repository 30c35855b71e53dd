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
import { type Tensor, tensor } from "@nnkit/tensor";

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
  /** The inputs the student set by hand (node names: x, W(1), …), the others being seeded. */
  edited: readonly string[];
}

/** Values the student typed for the network's inputs, by node name (x, W(1), b(3), …). */
export type InstanceEdits = Readonly<Record<string, Tensor>>;

/** A node's name as answers and the example's parameters write it: W(1) → W1. */
export function answerSymbol(name: string): string {
  return name.replace(/\((\d+)\)$/, "$1");
}

const network = (params: never, x: never, t: never) => hw1Network(params, x, t);

/** The seeded instance, with class `classNumber` (1-based; the example's own class when absent). */
export function networkInstance(
  seed: number,
  classNumber?: number,
  edits: InstanceEdits = {},
): NetworkInstance {
  const example = hw1Example(seed);
  const params = { ...example.params };
  for (const [name, value] of Object.entries(edits)) {
    if (name !== "x") (params as Record<string, Tensor>)[answerSymbol(name)] = value;
  }
  const x = edits.x ?? example.x;
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
    edited: Object.keys(edits),
  };
}

/** An input's current value (x or a parameter), for the student to edit. */
export function inputValue(instance: NetworkInstance, name: string): Tensor | undefined {
  return instance.values.get(name)?.value;
}

/** Whether the student may set this node by hand: x and the parameters (t has its own key). */
export function isEditable(instance: NetworkInstance, name: string): boolean {
  return name === "x" || instance.parameters.has(name);
}

export type ReadValue =
  | { ok: true; value: Tensor }
  | { ok: false; position: number; message: string };

/** The longest value text read: a 4×4 matrix of long decimals is far shorter. */
const maxValueText = 4000;

/**
 * A typed value for an input of this shape: a JSON number list ([1, -0.5, 2]) or a list of rows
 * for a matrix, every entry finite.
 */
export function readValue(text: string, shape: readonly number[]): ReadValue {
  if (text.length > maxValueText) {
    return { ok: false, position: maxValueText, message: "too long for a value" };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    return {
      ok: false,
      position: at ? Number(at[1]) : text.length,
      message: "not a list of numbers, e.g. [1, -0.5, 2]",
    };
  }
  const problem = shapeProblem(parsed, shape);
  if (problem !== undefined) return { ok: false, position: 0, message: problem };
  return { ok: true, value: tensor(parsed as number[], { dtype: "float64" }) };
}

function shapeProblem(value: unknown, shape: readonly number[]): string | undefined {
  const [length, ...inner] = shape;
  if (length === undefined) {
    return typeof value === "number" && Number.isFinite(value)
      ? undefined
      : "entries must be finite numbers";
  }
  if (!Array.isArray(value) || value.length !== length) {
    return `needs ${shape.join("×")} entries (${shape.length === 1 ? `a list of ${length}` : `${length} rows of ${inner.join("×")}`})`;
  }
  for (const entry of value) {
    const inside = shapeProblem(entry, inner);
    if (inside !== undefined)
      return inner.length === 0 ? inside : `needs ${shape.join("×")} entries: ${inside}`;
  }
  return undefined;
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
