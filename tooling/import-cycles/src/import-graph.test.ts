import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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
    // Written at run time: the formatter would rewrite these imports in a checked-in file.
    const dir = mkdtempSync(join(tmpdir(), "import-cycles-"));
    writeFileSync(join(dir, "x.ts"), "export type X = 1;\nexport const x = 1;\n");
    writeFileSync(
      join(dir, "y.ts"),
      [
        'import { type X } from "./x.js";',
        'import { type X as Z, x } from "./x.js";',
        'import type { X as W } from "./x.js";',
        'export type { X } from "./x.js";',
        'export { x } from "./x.js";',
      ].join("\n"),
    );
    expect(importsOf(join(dir, "y.ts")).map((e) => e.typeOnly)).toEqual([
      true,
      false,
      true,
      true,
      false,
    ]);
    rmSync(dir, { recursive: true });
  });
});
