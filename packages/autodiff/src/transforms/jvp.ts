import { jvpNodes } from "../interpret/jvp.js";
import { zerosLike } from "../ops/zeros-like.js";
import { type TraceableFunction, traceTree } from "../trace.js";
import type { Value } from "../tracer.js";
import { flatten, type Tree, unflatten } from "../tree.js";
import { checkMatching, differentiableLeaves } from "./arguments.js";

/**
 * Forward mode: `[f(...primals), tangent of the output]` for tangents shaped like the primals.
 * Each JVP rule runs once per node, alongside the value.
 */
export function jvp(
  f: TraceableFunction,
  primals: readonly unknown[],
  tangents: readonly unknown[],
): [out: Tree<Value>, tangentOut: Tree<Value>] {
  const leaves = differentiableLeaves("jvp", primals);
  const dots = flatten<Value>("jvp", [...tangents]).leaves;
  checkMatching("jvp", "tangent", dots, leaves);
  const traced = traceTree("jvp", f, primals);
  const { graph } = traced;
  const run = jvpNodes(
    graph,
    [...leaves, ...traced.captures],
    [...dots, ...traced.captures.map(() => null)],
  );
  const outs = graph.outputs.map((id) => run.values[id]!);
  const outDots = graph.outputs.map((id, k) => run.tangents[id] ?? zerosLike(outs[k]!));
  return [unflatten(traced.outputTree, outs), unflatten(traced.outputTree, outDots)];
}
