// The repository's rule: no import cycle between the source files of a package. Type-only imports
// count, since a cycle of types is still a tangle of concepts; tests are leaves and never count.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { findCycles, formatCycle } from "./import-graph.js";

const root = join(import.meta.dirname, "..", "..", "..");

function sourceRoots(): string[] {
  const roots = ["packages", "apps", "tooling"].flatMap((group) =>
    readdirSync(join(root, group)).map((name) => join(root, group, name, "src")),
  );
  return [...roots, join(root, "bench", "src")].filter((dir) => existsSync(dir));
}

describe("no import cycles between source files", () => {
  for (const dir of sourceRoots()) {
    const name = relative(root, dir);
    test(name, () => {
      const found = findCycles(dir).map(formatCycle);
      expect(found).toEqual([]);
    });
  }
});
