import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** One relative import of a source file, resolved to the file it names. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  /** `import type` / `export type`, or every named binding marked `type`: erased at runtime. */
  readonly typeOnly: boolean;
}

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const TEST = /\.test(-d)?\.(ts|tsx)$/;

/** Every TypeScript source file under `dir`, tests excluded (nothing imports a test). */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (name !== "node_modules" && name !== "fixtures") walk(path);
      } else if (SOURCE.test(name) && !TEST.test(name) && !name.endsWith(".d.ts")) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** `./x.js` written in an import, as the source file it means (NodeNext: `.js` names `.ts`). */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(js|jsx|mjs|cjs|ts|tsx)$/, "");
  const candidates = [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    `${stem}.mts`,
    join(base, "index.ts"),
    join(base, "index.tsx"),
  ];
  return candidates.find((c) => SOURCE.test(c) && existsSync(c) && statSync(c).isFile());
}

/** The source without comments (string contents are kept: specifiers live there). */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/(^|[^:"'`\\])\/\/[^\n]*/g, "$1");
}

/** `{ type A, type B as C }`: every named binding marked `type`. */
function allTypeBindings(clause: string): boolean {
  const names = clause
    .replace(/^\{|\}$/g, "")
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  return names.length > 0 && names.every((n) => n.startsWith("type "));
}

// import X from "./a.js"; import { a, type B } from "./a.js"; import type { A } from "./a.js";
// import * as A from "./a.js"; import "./a.js"; export { a } from "./a.js"; export * from "./a.js";
const STATIC =
  /(?:^|[;\s])(import|export)\s+(type\s+)?([\w$*\s,{}]*?)\s*(?:from\s*)?["']([^"'\n]+)["']/g;
const DYNAMIC = /\bimport\s*\(\s*["']([^"'\n]+)["']\s*\)/g;

/**
 * The relative imports and re-exports of one file (static, and dynamic `import("./x.js")`), read
 * with a small scanner rather than a TypeScript parse, so that the check stays fast on a loaded
 * machine.
 */
export function importsOf(file: string): ImportEdge[] {
  const text = stripComments(readFileSync(file, "utf8"));
  const edges: ImportEdge[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    if (!specifier.startsWith(".")) return;
    const to = resolveSpecifier(file, specifier);
    if (to) edges.push({ from: file, to, typeOnly });
  };
  for (const match of text.matchAll(STATIC)) {
    const [, keyword, typeKeyword, clause = "", specifier] = match;
    const bindings = clause.trim();
    // `export const x = ...` and the like never reach here: they have no quoted specifier after
    // a bare clause. `import "./x.js"` runs the module, so it is never type-only.
    const typeOnly =
      typeKeyword !== undefined ||
      (bindings.startsWith("{") && bindings.endsWith("}") && allTypeBindings(bindings));
    if (keyword === "export" && bindings === "") continue;
    add(specifier!, typeOnly);
  }
  for (const match of text.matchAll(DYNAMIC)) {
    // A dynamic import loads lazily, but the modules still depend on each other.
    add(match[1]!, false);
  }
  return edges;
}

/** Files that import each other in a circle: a strongly connected part of the import graph. */
export interface Cycle {
  /** Every file of the tangle, sorted. */
  readonly files: readonly string[];
  /** One shortest cycle through the first file: each imports the next, the last the first. */
  readonly path: readonly string[];
}

export interface CycleOptions {
  /** Count type-only imports too (default true): a type cycle is still a tangle of concepts. */
  readonly typeImports?: boolean;
}

/**
 * The import cycles among the source files under `dir`: one per strongly connected component of
 * the import graph (Tarjan), each shown as a shortest cycle through its first file, with paths
 * relative to `dir`, so the answer is stable and short enough to read.
 */
export function findCycles(dir: string, options: CycleOptions = {}): Cycle[] {
  const typeImports = options.typeImports ?? true;
  const files = sourceFiles(dir);
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const file of files) {
    for (const edge of importsOf(file)) {
      if ((typeImports || !edge.typeOnly) && next.has(edge.to)) next.get(file)!.push(edge.to);
    }
  }
  return stronglyConnected(files, next)
    .filter((component) => component.length > 1 || next.get(component[0]!)!.includes(component[0]!))
    .map((component) => ({
      files: component.map((f) => relative(dir, f)),
      path: shortestCycle(component, next).map((f) => relative(dir, f)),
    }));
}

function stronglyConnected(nodes: readonly string[], next: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) connect(v);
  return components.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** A shortest cycle through the component's first file (breadth-first inside the component). */
function shortestCycle(component: readonly string[], next: Map<string, string[]>): string[] {
  const inside = new Set(component);
  const start = component[0]!;
  const parent = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of next.get(v)!) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(parent.get(path[0]!)!);
        return path;
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/** `a → b → c → a (3 files)` */
export function formatCycle(cycle: Cycle): string {
  return `${[...cycle.path, cycle.path[0]].join(" → ")} (${cycle.files.length} files)`;
}
