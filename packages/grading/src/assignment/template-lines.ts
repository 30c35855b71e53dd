// An answer template for a question that gives none: each part's kind comments on what to write,
// then every field the parts read, nested as the answer file nests them; a kind whose lines give
// the answer's shape themselves (a network's layers, a list of edges) writes its fields alone.
import type { Part } from "./assignment.js";
import type { KindContext } from "./kinds/kind.js";
import { PART_KINDS } from "./kinds/registry.js";
import { readNonEmptyString, type SpecObject } from "./yaml/schema.js";

interface FieldTree {
  [key: string]: FieldTree | null;
}

export function questionTemplate(
  compiled: readonly { readonly part: SpecObject; readonly parts: readonly Part[] }[],
  context: KindContext,
): string {
  const comments: string[] = [];
  const shaped: string[] = [];
  const tree: FieldTree = {};
  for (const { part, parts } of compiled) {
    const kind = PART_KINDS[part.required("kind", readNonEmptyString)]!;
    const written = kind.template?.(part, parts, context) ?? [];
    if (written.some((line) => !line.startsWith("#"))) {
      shaped.push(...under(parts.length === 1 ? parts[0]!.field : undefined, written));
      continue;
    }
    for (const line of written) if (!comments.includes(line)) comments.push(line);
    for (const { field } of parts) if (field !== undefined) insert(tree, field.split("."));
  }
  return [...comments, ...shaped, ...lines(tree, "")].join("\n");
}

/** A kind's lines for the whole answer, nested under the part's field when it reads one. */
function under(field: string | undefined, written: readonly string[]): string[] {
  if (field === undefined) return [...written];
  const steps = field.split(".");
  const keys = steps.map((step, depth) => `${"  ".repeat(depth)}${quoteKey(step)}:`);
  const indent = "  ".repeat(steps.length);
  return [...keys, ...written.map((line) => `${indent}${line}`)];
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
