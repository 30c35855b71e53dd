import { Tensor } from "@nnkit/tensor";
import { type AbstractValue, isAbstractValue } from "./abstract-value.js";
import { AutodiffError } from "./errors.js";
import { Tracer, type Value } from "./tracer.js";

/** Arguments and results may be values or arrays / plain objects of them (like JAX pytrees). */
export type Tree<Leaf> = Leaf | readonly Tree<Leaf>[] | { readonly [key: string]: Tree<Leaf> };

export type TreeDef =
  | { readonly kind: "leaf" }
  | { readonly kind: "array"; readonly children: readonly TreeDef[] }
  | {
      readonly kind: "object";
      readonly keys: readonly string[];
      readonly children: readonly TreeDef[];
    };

function isLeaf(x: unknown): x is Value | AbstractValue {
  return x instanceof Tensor || x instanceof Tracer || isAbstractValue(x);
}

/** The leaves in a fixed order, and the structure to put them back. */
export function flatten<Leaf>(op: string, tree: unknown): { leaves: Leaf[]; def: TreeDef } {
  const leaves: Leaf[] = [];
  const walk = (node: unknown): TreeDef => {
    if (isLeaf(node)) {
      leaves.push(node as Leaf);
      return { kind: "leaf" };
    }
    if (Array.isArray(node)) return { kind: "array", children: node.map(walk) };
    if (
      typeof node === "object" &&
      node !== null &&
      Object.getPrototypeOf(node) === Object.prototype
    ) {
      const keys = Object.keys(node).sort();
      return {
        kind: "object",
        keys,
        children: keys.map((k) => walk((node as Record<string, unknown>)[k])),
      };
    }
    throw new AutodiffError(
      op,
      "argument",
      `expected tensors (or arrays / plain objects of tensors), got ${typeof node === "number" ? "a plain number; wrap it with tensor()" : String(node)}`,
    );
  };
  const def = walk(tree);
  return { leaves, def };
}

export function unflatten<Leaf>(def: TreeDef, leaves: readonly Leaf[]): Tree<Leaf> {
  let next = 0;
  const build = (d: TreeDef): Tree<Leaf> => {
    if (d.kind === "leaf") return leaves[next++]!;
    if (d.kind === "array") return d.children.map(build);
    const out: Record<string, Tree<Leaf>> = {};
    d.keys.forEach((k, i) => {
      out[k] = build(d.children[i]!);
    });
    return out;
  };
  return build(def);
}
