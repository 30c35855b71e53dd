// Typechecks run as project references (`tsc -b`): a package is checked against its dependencies'
// declarations, so each package's tsconfig must reference exactly its workspace dependencies. A
// missing reference checks against stale or absent declarations; an extra one builds a package
// for nothing (and hides a dependency that package.json does not declare).
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, workspacePackages } from "./workspace.js";

const packages = workspacePackages();
const byName = new Map(packages.map((p) => [p.name, p]));
const withTsconfig = packages.filter((p) => existsSync(join(repoRoot, p.dir, "tsconfig.json")));

/** The package directories (relative to the root) a tsconfig's `references` point at. */
function referencedDirs(dir: string): string[] {
  const tsconfig = JSON.parse(readFileSync(join(repoRoot, dir, "tsconfig.json"), "utf8")) as {
    references?: { path: string }[];
  };
  return (tsconfig.references ?? [])
    .map((r) => relative(repoRoot, resolve(repoRoot, dir, r.path)))
    .sort();
}

describe("tsconfig references", () => {
  it("finds the workspace's packages", () => {
    expect(withTsconfig.map((p) => p.name)).toEqual(
      expect.arrayContaining(["@nnkit/tensor", "@nnkit/grading", "@nnkit/grader", "@nnkit/bench"]),
    );
  });

  it.each(withTsconfig.map((p) => [p.name, p] as const))(
    "%s references exactly its workspace dependencies",
    (_, pkg) => {
      const expected = pkg.workspaceDeps
        .map((name) => byName.get(name)!.dir)
        .filter((dir) => existsSync(join(repoRoot, dir, "tsconfig.json")))
        .sort();
      expect(referencedDirs(pkg.dir)).toEqual(expected);
    },
  );
});
