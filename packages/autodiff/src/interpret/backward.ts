import { isFloatDType } from "../abstract-value.js";
import { formatShape, shapesEqual } from "../dims.js";
import { AutodiffError } from "../errors.js";
import type { Graph } from "../graph.js";
import { adjointName, nameIfUnnamed } from "../ops/name.js";
import { add } from "../primitives/add.js";
import { getPrimitive } from "../primitives/registry.js";
import type { Value } from "../tracer.js";
import type { Residual } from "./residuals.js";

/**
 * Which nodes depend, through floating-point values, on an input flagged in `wrt` (1) or not (0):
 * a typed array, which a garbage collection neither copies nor scans however long the graph.
 */
export function dependsOn(graph: Graph, wrt: readonly boolean[]): Uint8Array {
  const needs = new Uint8Array(graph.nodes.length);
  graph.inputs.forEach((id, k) => {
    needs[id] = wrt[k] === true && isFloatDType(graph.nodes[id]!.dtype) ? 1 : 0;
  });
  for (const node of graph.nodes) {
    if (node.op === "input" || node.op === "const" || !isFloatDType(node.dtype)) continue;
    const inputs = node.inputs;
    for (let j = 0; j < inputs.length; j++) {
      if (needs[inputs[j]!] === 1) {
        needs[node.id] = 1;
        break;
      }
    }
  }
  return needs;
}

/**
 * Reverse mode as a graph interpreter: from the outputs' cotangents, every node's cotangent
 * (`null` where it is zero or not needed), visiting nodes in reverse and applying VJP rules.
 * With `keep: "inputs"` only the input nodes' cotangents are returned: each other node's is
 * dropped once its VJP has run, so it dies young instead of surviving (and being copied by) every
 * garbage collection until the whole backward pass ends, a cost that grew with the graph's length.
 */
export function backwardNodes(
  graph: Graph,
  values: readonly Residual[],
  outputCotangents: readonly (Value | null)[],
  wrt: readonly boolean[],
  keep: "all" | "inputs" = "all",
): (Value | null)[] {
  const needs = dependsOn(graph, wrt);
  const cts: (Value | null)[] = new Array(graph.nodes.length).fill(null);
  const accumulate = (id: number, ct: Value | null) => {
    if (ct === null || !needs[id]) return;
    const node = graph.nodes[id]!;
    if (!shapesEqual(ct.shape, node.shape)) {
      throw new AutodiffError(
        node.op,
        "shape",
        `cotangent of shape ${formatShape(ct.shape)} does not match value shape ${formatShape(node.shape)}`,
      );
    }
    const known = cts[id];
    cts[id] = known ? add(known, ct) : ct;
  };
  graph.outputs.forEach((id, k) => {
    accumulate(id, outputCotangents[k] ?? null);
  });
  for (let id = graph.nodes.length - 1; id >= 0; id--) {
    const node = graph.nodes[id]!;
    const ct = cts[id];
    if (ct === null || ct === undefined) continue;
    if (node.name !== undefined) nameIfUnnamed(ct, adjointName(node.name));
    if (node.op === "input" || node.op === "const") continue;
    // Loops rather than `map` / `forEach`: no closures per node, which long graphs pay for.
    const inputs = node.inputs;
    const needed = new Array<boolean>(inputs.length);
    // A value the VJPs do not save may be only its shape and dtype (see residuals.ts), which is
    // all this VJP reads of it: primitives/declarations.test.ts checks each VJP against `saves`.
    const ins = new Array<Value>(inputs.length);
    for (let j = 0; j < inputs.length; j++) {
      needed[j] = needs[inputs[j]!] === 1;
      ins[j] = values[inputs[j]!]! as Value;
    }
    const out = values[id]! as Value;
    const contributions = getPrimitive(node.op).vjp(ct, ins, out, node.params, needed);
    if (keep === "inputs") cts[id] = null;
    for (let j = 0; j < inputs.length; j++) {
      if (needed[j]) accumulate(inputs[j]!, contributions[j] ?? null);
    }
  }
  return cts;
}
