// A change must invalidate every cached result that could depend on it: a package's sources reach
// its dependents' builds, typechecks and tests (they compile those sources through the
// "@nnkit/source" condition), and the shared root configs reach every package. Checked on a
// scratch copy of the repository with turbo's dry run, against the dependency graph read from the
// package.json files.
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DryTask, dryRun, runnableHashes } from "./turbo.js";
import { dependentsOf, repoRoot, scratchCopy, workspacePackages } from "./workspace.js";

const tasks = ["build", "typecheck", "test"];
let copy: string;
let baseline: Map<string, DryTask>;

beforeAll(() => {
  copy = scratchCopy();
  baseline = runnableHashes(dryRun(copy, tasks));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Task ids whose hash differs from the baseline after `change` (undone afterwards). */
function changedBy(file: string, change: (path: string) => void): Set<string> {
  const path = join(copy, file);
  const original = readFileSync(path);
  change(path);
  try {
    const after = runnableHashes(dryRun(copy, tasks));
    expect([...after.keys()].sort()).toEqual([...baseline.keys()].sort());
    return new Set(
      [...after].filter(([id, t]) => baseline.get(id)?.hash !== t.hash).map(([id]) => id),
    );
  } finally {
    writeFileSync(path, original);
  }
}

const packages = workspacePackages();

describe("a source change re-runs its package and every dependent", () => {
  const libraries = packages.filter(
    (p) => p.dir.startsWith("packages/") || p.dir.startsWith("apps/"),
  );
  it("covers every library and app", () => {
    expect(libraries.map((p) => p.name)).toContain("@nnkit/tensor");
    expect(libraries.length).toBeGreaterThanOrEqual(7);
  });
  for (const pkg of libraries) {
    it(pkg.name, () => {
      const sources = readdirSync(join(copy, pkg.dir, "src")).filter((f) => /\.tsx?$/.test(f));
      const file = join(pkg.dir, "src", sources.includes("index.ts") ? "index.ts" : sources[0]!);
      const changed = changedBy(file, (path) => appendFileSync(path, "\n// scratch change\n"));
      const affected = dependentsOf(pkg.name, packages);
      for (const id of baseline.keys()) {
        const owner = id.slice(0, id.lastIndexOf("#"));
        expect({ id, changed: changed.has(id) }).toEqual({ id, changed: affected.has(owner) });
      }
    });
  }
});

describe("shared root configs", () => {
  it("vitest.shared.ts re-runs every test and no build", () => {
    const changed = changedBy("vitest.shared.ts", (path) => appendFileSync(path, "\n// scratch\n"));
    for (const [id, task] of baseline) {
      expect({ id, changed: changed.has(id) }).toEqual({ id, changed: task.task === "test" });
    }
  });
  it("tsconfig.base.json re-runs every build, typecheck and test", () => {
    const changed = changedBy("tsconfig.base.json", (path) => appendFileSync(path, "\n"));
    for (const id of baseline.keys())
      expect({ id, changed: changed.has(id) }).toEqual({ id, changed: true });
  });
});

it("a cached test restores the report test-summary reads", () => {
  const shared = readFileSync(join(repoRoot, "vitest.shared.ts"), "utf8");
  const path = /outputFile: \{ json: "([^"]+)" \}/.exec(shared)?.[1];
  expect(path).toBe("node_modules/.vitest/results.json");
  expect(readFileSync(join(repoRoot, "scripts", "test-summary.mjs"), "utf8")).toContain(
    '"node_modules", ".vitest", "results.json"',
  );
  const tests = [...baseline.values()].filter((t) => t.task === "test");
  expect(tests.length).toBeGreaterThan(0);
  for (const t of tests)
    expect({ id: t.taskId, outputs: t.outputs }).toEqual({ id: t.taskId, outputs: [path] });
});
