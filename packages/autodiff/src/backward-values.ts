import { Tensor, tensor, zeros } from "@nnkit/tensor";
import { isFloatDType } from "./abstract-value.js";
import { concreteShape, formatShape } from "./dims.js";
import { AutodiffError } from "./errors.js";
import { backwardNodes } from "./interpret/backward.js";
import { evaluateNodes } from "./interpret/evaluate.js";
import { type TraceableFunction, traceTree } from "./trace.js";
import type { Value } from "./tracer.js";
import { flatten } from "./tree.js";

/** A named variable's forward value and its adjoint ∂out/∂variable (absent for integer values). */
export interface NamedValue {
  readonly value: Tensor;
  readonly adjoint?: Tensor;
}

/**
 * Every named value of a scalar-valued `f` at `args`, with its adjoint from one backward pass over
 * all inputs: the numbers a hand derivation (forward pass, then backward pass) should produce.
 */
export function backwardValues(
  f: TraceableFunction,
  args: readonly unknown[],
): Map<string, NamedValue> {
  const op = "backwardValues";
  const leaves = flatten<Value>(op, [...args]).leaves;
  if (!leaves.every((l) => l instanceof Tensor)) {
    throw new AutodiffError(op, "argument", "arguments must be concrete tensors");
  }
  const { graph } = traceTree(op, f, args);
  const values = evaluateNodes(graph, leaves) as Tensor[];
  const out = values[graph.outputs[0]!]!;
  if (graph.outputs.length !== 1 || out.shape.length !== 0) {
    throw new AutodiffError(
      op,
      "shape",
      `the function must return one scalar, got shape ${formatShape(out.shape)}`,
    );
  }
  const seed = tensor(1, { dtype: out.dtype });
  const cts = backwardNodes(
    graph,
    values,
    [seed],
    graph.inputs.map(() => true),
  );
  const named = new Map<string, NamedValue>();
  for (const node of graph.nodes) {
    if (node.name === undefined) continue;
    const value = values[node.id]!;
    const adjoint = isFloatDType(node.dtype)
      ? ((cts[node.id] as Tensor | null) ?? zeros(concreteShape(op, node.shape), node.dtype))
      : undefined;
    named.set(node.name, adjoint ? { value, adjoint } : { value });
  }
  return named;
}
