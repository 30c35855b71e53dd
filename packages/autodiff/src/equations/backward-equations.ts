import type { Tensor } from "@nnkit/tensor";
import { formatShape } from "../dims.js";
import { AutodiffError } from "../errors.js";
import type { Graph, GraphNode } from "../graph.js";
import { dependsOn } from "../interpret/backward.js";
import type { Primitive } from "../primitive.js";
import { getPrimitive } from "../primitives/registry.js";
import { broadcastAxes } from "../primitives/sum-broadcast.js";
import { type TraceableFunction, traceTree } from "../trace.js";
import { atom, type Expr, plus, sumOver } from "./expr.js";
import { adjointSymbol, valueSymbol } from "./names.js";

/** `z̄1 = ReLU'(z1) ⊙ h̄` in both notations. */
export interface BackwardEquation {
  /** The variable's name, e.g. "z1". */
  readonly variable: string;
  /** The adjoint's name, e.g. "z̄1". */
  readonly adjoint: string;
  readonly text: string;
  readonly latex: string;
}

export interface BackwardEquations {
  readonly equations: readonly BackwardEquation[];
  /** One equation per line. */
  readonly text: string;
  /** An `aligned` environment. */
  readonly latex: string;
}

function constantExpr(node: GraphNode): Expr {
  const value = node.params.value as Tensor;
  return value.size === 1
    ? atom(String(value.toTypedArray()[0]))
    : atom(`c${node.id}`, `c_{${node.id}}`);
}

/** How a node's value reads: its name, or its defining expression when it is unnamed. */
function forwardExprs(graph: Graph): Expr[] {
  const exprs: Expr[] = [];
  for (const node of graph.nodes) {
    if (node.name !== undefined) exprs.push(valueSymbol(node.name));
    else if (node.op === "input") exprs.push(atom(`v${node.id}`, `v_{${node.id}}`));
    else if (node.op === "const") exprs.push(constantExpr(node));
    else {
      exprs.push(
        getPrimitive(node.op).notation.forward(
          node.inputs.map((i) => exprs[i]!),
          node.params,
        ),
      );
    }
  }
  return exprs;
}

/**
 * The reverse-mode adjoint equations, one named variable at a time, derived from the graph as a
 * student would by hand: each adjoint is the sum over the variable's consumers of the VJP rules'
 * notation, looking through unnamed intermediate nodes. Takes a graph with one scalar output, or
 * a function and its (tensor or abstract) arguments.
 */
export function backwardEquations(
  f: Graph | TraceableFunction,
  ...args: unknown[]
): BackwardEquations {
  const graph = typeof f === "function" ? traceTree("backwardEquations", f, args).graph : f;
  const outputId = graph.outputs[0];
  if (
    graph.outputs.length !== 1 ||
    outputId === undefined ||
    graph.nodes[outputId]!.shape.length !== 0
  ) {
    const shape = outputId === undefined ? "nothing" : formatShape(graph.nodes[outputId]!.shape);
    throw new AutodiffError(
      "backwardEquations",
      "shape",
      `needs one scalar output, got ${graph.outputs.length} output(s), the first ${shape}`,
    );
  }
  const needs = dependsOn(
    graph,
    graph.inputs.map(() => true),
  );
  const values = forwardExprs(graph);
  const contributions: Expr[][] = graph.nodes.map(() => []);
  const equations: BackwardEquation[] = [];
  const output = graph.nodes[outputId]!;
  contributions[outputId]!.push(atom("1"));
  for (let id = graph.nodes.length - 1; id >= 0; id--) {
    const node = graph.nodes[id]!;
    const parts = contributions[id]!;
    if (!needs[id] || parts.length === 0) continue;
    const total = parts.reduce((sum, p) => plus(sum, p));
    let ct = total;
    if (node.name !== undefined) {
      const symbol = adjointSymbol(node.name);
      equations.push({
        variable: node.name,
        adjoint: symbol.text,
        text: `${symbol.text} = ${total.text}`,
        latex: `${symbol.latex} &= ${total.latex}`,
      });
      ct = symbol;
    }
    if (node.op === "input" || node.op === "const") continue;
    const primitive = getPrimitive(node.op);
    const inputs = node.inputs.map((i) => values[i]!);
    node.inputs.forEach((i, j) => {
      if (!needs[i]) return;
      const adjoint = primitive.notation.adjoint(j, ct, inputs, values[id]!, node.params);
      const shape = graph.nodes[i]!.shape;
      const axes = summedAxes(primitive, graph, node, j);
      contributions[i]!.unshift(
        axes.length > 0 ? sumOver(adjoint, axes, shape.length === 0) : adjoint,
      );
    });
  }
  if (output.name === undefined) {
    throw new AutodiffError(
      "backwardEquations",
      "argument",
      'name the output (e.g. name(J, "J")) so its adjoint can be written',
    );
  }
  return {
    equations,
    text: equations.map((e) => e.text).join("\n"),
    latex: `\\begin{aligned}\n${equations.map((e) => e.latex).join(" \\\\\n")}\n\\end{aligned}`,
  };
}

/** The output axes input j's adjoint is summed over, because broadcasting added or stretched them. */
function summedAxes(primitive: Primitive, graph: Graph, node: GraphNode, j: number): number[] {
  const shape = graph.nodes[node.inputs[j]!]!.shape;
  if (primitive.broadcasts === true) return broadcastAxes(shape, node.shape);
  if (primitive.broadcasts !== "batch") return [];
  // Each operand of rank ≥ 2 keeps one matrix axis in the output; the axes before are the batch.
  const matrixAxes = node.inputs.filter((i) => graph.nodes[i]!.shape.length > 1).length;
  const batch = node.shape.slice(0, node.shape.length - matrixAxes);
  return broadcastAxes(shape.length > 1 ? shape.slice(0, -2) : [], batch);
}
