import { backwardNodes } from "../interpret/backward.js";
import { evaluateForBackward } from "../interpret/evaluate.js";
import { keepInPlace, savedFlags } from "../interpret/residuals.js";
import { zerosLike } from "../ops/zeros-like.js";
import { type TraceableFunction, traceTree } from "../trace.js";
import type { Value } from "../tracer.js";
import { flatten, type Tree, unflatten } from "../tree.js";
import { checkMatching, differentiableLeaves } from "./arguments.js";

/** Maps an output cotangent to one cotangent per primal (same structure as the primals). */
export type Pullback = (cotangent: Tree<Value>) => Tree<Value>[];

/**
 * Reverse mode: `[f(...primals), pullback]`. The pullback applies the VJP rules backwards through
 * the traced graph; under another transformation it records its work there (so it can be traced
 * or differentiated again).
 */
export function vjp(
  f: TraceableFunction,
  ...primals: unknown[]
): [out: Tree<Value>, pullback: Pullback] {
  const leaves = differentiableLeaves("vjp", primals);
  const traced = traceTree("vjp", f, primals);
  const { graph } = traced;
  const saved = savedFlags(graph);
  const { values, pack } = evaluateForBackward(graph, [...leaves, ...traced.captures], saved);
  const outLeaves = graph.outputs.map((id) => values[id]!);
  // The pullback holds only what the VJPs save (reverse mode's residuals), not every value.
  const residuals = keepInPlace(graph, values, saved);
  const wrt = graph.inputs.map((_, k) => k < traced.argumentCount);
  const pullback: Pullback = (cotangent) => {
    const cts = flatten<Value>("vjp pullback", cotangent).leaves;
    checkMatching("vjp pullback", "cotangent", cts, outLeaves);
    const nodeCts = backwardNodes(graph, residuals, cts, wrt, "inputs", pack);
    const inputCts = leaves.map((leaf, k) => nodeCts[graph.inputs[k]!] ?? zerosLike(leaf));
    return unflatten(traced.inputTree, inputCts) as Tree<Value>[];
  };
  return [unflatten(traced.outputTree, outLeaves), pullback];
}
