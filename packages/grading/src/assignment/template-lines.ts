// An answer template for a question that gives none: each part's kind comments on what to write,
// then every field the parts read, nested as the answer file nests them.
import type { Part } from "./assignment.js";
import { PART_KINDS } from "./kinds/registry.js";
import { readNonEmptyString, type SpecObject } from "./yaml/schema.js";

interface FieldTree {
  [key: string]: FieldTree | null;
}

export function questionTemplate(
  compiled: readonly { readonly part: SpecObject; readonly parts: readonly Part[] }[],
): string {
  const comments: string[] = [];
  const tree: FieldTree = {};
  for (const { part, parts } of compiled) {
    const kind = PART_KINDS[part.required("kind", readNonEmptyString)]!;
    for (const line of kind.template?.(part, parts) ?? []) {
      if (!comments.includes(line)) comments.push(line);
    }
    for (const { field } of parts) if (field !== undefined) insert(tree, field.split("."));
  }
  return [...comments, ...lines(tree, "")].join("\n");
}

function insert(tree: FieldTree, steps: readonly string[]): void {
  const [first, ...rest] = steps;
  if (first === undefined) return;
  if (rest.length === 0) {
    tree[first] ??= null;
    return;
  }
  const child = tree[first];
  const next: FieldTree = child ?? {};
  tree[first] = next;
  insert(next, rest);
}

function lines(tree: FieldTree, indent: string): string[] {
  return Object.entries(tree).flatMap(([key, child]) =>
    child === null
      ? [`${indent}${quoteKey(key)}: ""`]
      : [`${indent}${quoteKey(key)}:`, ...lines(child, `${indent}  `)],
  );
}

function quoteKey(key: string): string {
  return /^[A-Za-z_][\w.]*$/.test(key) ? key : JSON.stringify(key);
}
