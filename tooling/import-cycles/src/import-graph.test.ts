import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { findCycles, formatCycle, importsOf } from "./import-graph.js";

const fixture = (name: string) => join(import.meta.dirname, "fixtures", name);

describe("findCycles on small fixtures", () => {
  test("finds a cycle through a re-export, an index file and a dynamic import", () => {
    const cycles = findCycles(fixture("cycle"));
    expect(cycles).toEqual([
      { files: ["a.ts", "b.ts", "lib/index.ts"], path: ["a.ts", "b.ts", "lib/index.ts"] },
    ]);
    expect(formatCycle(cycles[0]!)).toBe("a.ts → b.ts → lib/index.ts → a.ts (3 files)");
  });

  test("counts type-only imports unless told not to", () => {
    expect(findCycles(fixture("type-cycle")).map((c) => c.path)).toEqual([["x.ts", "y.ts"]]);
    expect(findCycles(fixture("type-cycle"), { typeImports: false })).toEqual([]);
  });

  test("an acyclic tree (a test importing its subject included) has none", () => {
    expect(findCycles(fixture("acyclic"))).toEqual([]);
  });

  test("marks `import { type X }` as type-only only when every binding is a type", () => {
    const edges = importsOf(join(fixture("acyclic"), "p.ts"));
    expect(edges.map((e) => e.typeOnly)).toEqual([false, true]);
    const y = importsOf(join(fixture("type-cycle"), "y.ts"));
    expect(y.map((e) => e.typeOnly)).toEqual([true]);
  });
});
