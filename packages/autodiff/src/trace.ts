import { Tensor } from "@nnkit/tensor";
import type { AbstractValue } from "./abstract-value.js";
import { AutodiffError } from "./errors.js";
import type { Graph } from "./graph.js";
import { GraphBuilder, Tracer, type Value } from "./tracer.js";
import { flatten, type TreeDef, unflatten } from "./tree.js";

/** A function traced into a graph: its inputs are the flattened arguments, then any captures. */
export interface Traced {
  readonly graph: Graph;
  /** Values of enclosing transformations the function closed over (trailing graph inputs). */
  readonly captures: readonly Tracer[];
  readonly inputTree: TreeDef;
  readonly outputTree: TreeDef;
  /** How many graph inputs are the function's own arguments. */
  readonly argumentCount: number;
}

/** Any function of values (parameter types are checked at the call sites of the transformed function). */
export type TraceableFunction = (...args: never[]) => unknown;

/** Traces `f` on abstract arguments (trees of tensors, tracers or abstract values). */
export function traceTree(op: string, f: TraceableFunction, args: readonly unknown[]): Traced {
  const { leaves, def } = flatten<Value | AbstractValue>(op, [...args]);
  return GraphBuilder.run((builder) => {
    const inputs = leaves.map((leaf) => builder.addInput(leaf));
    const result = f(...(unflatten(def, inputs) as never[]));
    const out = flatten<Value>(op, result);
    for (const leaf of out.leaves) {
      if (!(leaf instanceof Tensor || leaf instanceof Tracer)) {
        throw new AutodiffError(
          op,
          "argument",
          "the function returned an abstract value; return tensors or traced values",
        );
      }
    }
    return {
      graph: builder.finish(out.leaves),
      captures: [...builder.captures],
      inputTree: def,
      outputTree: out.def,
      argumentCount: leaves.length,
    };
  });
}

/**
 * Traces `f` into a Graph. Arguments are tensors, abstract values (`abstract(["n", 3])`, with
 * symbolic sizes for analysis only), or arrays / plain objects of them.
 */
export function trace(f: TraceableFunction, ...args: unknown[]): Graph {
  return traceTree("trace", f, args).graph;
}
