import type { DType } from "@nnkit/tensor";
import type { Dim } from "./dims.js";
import { AutodiffError } from "./errors.js";
import type { PrimitiveName } from "./primitive-names.js";

/** A primitive's static parameters (axes, shapes, exponents), stored on its graph nodes. */
export type Params = Readonly<Record<string, unknown>>;

/**
 * The parameters of a primitive that has none, shared: ops pass it rather than a new `{}` per
 * call, and graph nodes hold it (a long graph would otherwise hold one empty object per node).
 */
export const NO_PARAMS: Params = Object.freeze({});

/** One value of a traced computation: an input, a constant, or a primitive applied to earlier nodes. */
export interface GraphNode {
  readonly id: number;
  /** A registered primitive's name, or "input" / "const". */
  readonly op: PrimitiveName | "input" | "const";
  readonly inputs: readonly number[];
  readonly shape: readonly Dim[];
  readonly dtype: DType;
  /** A human name given with `name(value, "z1")`. */
  readonly name?: string;
  readonly params: Params;
}

/**
 * A traced computation as plain data, like a jaxpr: nodes in evaluation order (every node's inputs
 * come before it), which of them are the inputs, which the outputs. What to do with it (evaluate,
 * differentiate, cost, draw) are functions of a graph, so this file depends on nothing else.
 */
export interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
}

/** Data-flow edges `[from, to]`, one per distinct (input, consumer) pair. */
export function edges(graph: Graph): [from: number, to: number][] {
  const out: [number, number][] = [];
  for (const node of graph.nodes) {
    for (const from of new Set(node.inputs)) out.push([from, node.id]);
  }
  return out;
}

/**
 * Edges between named nodes, looking through unnamed intermediates: `[a, b]` when b depends on a
 * by a path whose inner nodes are all unnamed. This is the graph a student draws.
 */
export function namedEdges(graph: Graph): [from: string, to: string][] {
  const out: [string, string][] = [];
  for (const node of graph.nodes) {
    if (node.name === undefined) continue;
    for (const source of namedSources(graph, node)) out.push([source, node.name]);
  }
  return out;
}

/** The node with this id or name. */
export function findNode(graph: Graph, nameOrId: string | number): GraphNode {
  const found =
    typeof nameOrId === "number"
      ? graph.nodes[nameOrId]
      : graph.nodes.find((n) => n.name === nameOrId);
  if (!found)
    throw new AutodiffError("findNode", "argument", `no node ${JSON.stringify(nameOrId)}`);
  return found;
}

/** Inputs and constants: nodes that apply no primitive. */
export function isSource(node: GraphNode): boolean {
  return isSourceOp(node.op);
}

/** Whether nodes of this op apply no primitive (inputs and constants). */
export function isSourceOp(op: GraphNode["op"]): op is "input" | "const" {
  return op === "input" || op === "const";
}

function namedSources(graph: Graph, node: GraphNode): Set<string> {
  const found = new Set<string>();
  const stack = [...node.inputs];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const source = graph.nodes[id]!;
    if (source.name !== undefined) found.add(source.name);
    else stack.push(...source.inputs);
  }
  return found;
}
