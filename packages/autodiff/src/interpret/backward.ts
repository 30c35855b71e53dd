import { full } from "@nnkit/tensor";
import { isFloatDType } from "../abstract-value.js";
import { formatShape, shapesEqual } from "../dims.js";
import { AutodiffError } from "../errors.js";
import { type Graph, isSourceOp } from "../graph.js";
import { columnsOf } from "../node-columns.js";
import { adjointName, nameIfUnnamed } from "../ops/name.js";
import { add } from "../primitives/add.js";
import { getPrimitive } from "../primitives/registry.js";
import type { Value } from "../tracer.js";
import { abstractNode, type PackedScalars, type Residual } from "./residuals.js";

/**
 * Which nodes depend, through floating-point values, on an input flagged in `wrt` (1) or not (0):
 * a typed array, which a garbage collection neither copies nor scans however long the graph.
 */
export function dependsOn(graph: Graph, wrt: readonly boolean[]): Uint8Array {
  const { count, ops, dtypes, inputStart, inputIds } = columnsOf(graph);
  const needs = new Uint8Array(count);
  graph.inputs.forEach((id, k) => {
    needs[id] = wrt[k] === true && isFloatDType(dtypes[id]!) ? 1 : 0;
  });
  for (let id = 0; id < count; id++) {
    if (isSourceOp(ops[id]!) || !isFloatDType(dtypes[id]!)) continue;
    for (let k = inputStart[id]!; k < inputStart[id + 1]!; k++) {
      if (needs[inputIds[k]!] === 1) {
        needs[id] = 1;
        break;
      }
    }
  }
  return needs;
}

/**
 * Reverse mode as a graph interpreter: from the outputs' cotangents, every node's cotangent
 * (`null` where it is zero or not needed), visiting nodes in reverse and applying VJP rules.
 * `values` are the forward values, or the residuals a backward pass keeps (residuals.ts): where
 * one is missing, the VJP is given the node's shape and dtype. With `keep: "inputs"` only the
 * input nodes' cotangents are returned: each other node's is dropped once its VJP has run, so it
 * dies young instead of surviving (and being copied by) every garbage collection until the whole
 * backward pass ends, a cost that grew with the graph's length.
 */
export function backwardNodes(
  graph: Graph,
  values: readonly Residual[],
  outputCotangents: readonly (Value | null)[],
  wrt: readonly boolean[],
  keep: "all" | "inputs" = "all",
  /** Saved 0-d values the forward pass kept as numbers (their `values` entries are empty). */
  pack?: PackedScalars,
): (Value | null)[] {
  const { count, ops, shapes, dtypes, params, names, inputStart, inputIds } = columnsOf(graph);
  const needs = dependsOn(graph, wrt);
  const cts: (Value | null)[] = new Array(count).fill(null);
  const accumulate = (id: number, ct: Value | null) => {
    if (ct === null || !needs[id]) return;
    if (!shapesEqual(ct.shape, shapes[id]!)) {
      throw new AutodiffError(
        ops[id]!,
        "shape",
        `cotangent of shape ${formatShape(ct.shape)} does not match value shape ${formatShape(shapes[id]!)}`,
      );
    }
    const known = cts[id];
    cts[id] = known ? add(known, ct) : ct;
  };
  graph.outputs.forEach((id, k) => {
    accumulate(id, outputCotangents[k] ?? null);
  });
  const residual = (id: number) =>
    values[id] ??
    (pack?.packed[id] === 1 ? full([], pack.numbers[id]!, dtypes[id]) : abstractNode(graph, id));
  for (let id = count - 1; id >= 0; id--) {
    const ct = cts[id];
    if (ct === null || ct === undefined) continue;
    const name = names.get(id);
    if (name !== undefined) nameIfUnnamed(ct, adjointName(name));
    const op = ops[id]!;
    if (isSourceOp(op)) continue;
    // Loops rather than `map` / `forEach`: no closures per node, which long graphs pay for.
    const first = inputStart[id]!;
    const arity = inputStart[id + 1]! - first;
    const needed = new Array<boolean>(arity);
    // A value the VJPs do not save is only its shape and dtype, which is all this VJP reads of
    // it: primitives/declarations.test.ts checks each VJP against `saves`.
    const ins = new Array<Value>(arity);
    for (let j = 0; j < arity; j++) {
      const input = inputIds[first + j]!;
      needed[j] = needs[input] === 1;
      ins[j] = residual(input) as Value;
    }
    const out = residual(id) as Value;
    const contributions = getPrimitive(op).vjp(ct, ins, out, params[id]!, needed);
    if (keep === "inputs") cts[id] = null;
    for (let j = 0; j < arity; j++) {
      if (needed[j]) accumulate(inputIds[first + j]!, contributions[j] ?? null);
    }
  }
  return cts;
}
