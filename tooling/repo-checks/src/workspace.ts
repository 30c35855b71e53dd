// The workspace as the tests see it: its packages and their workspace dependencies read from the
// package.json files (independently of turbo), and a scratch copy of the tracked files in which a
// test may change sources without disturbing the suites running beside it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export interface WorkspacePackage {
  readonly name: string;
  /** Directory relative to the repository root, e.g. "packages/tensor". */
  readonly dir: string;
  /** Names of the workspace packages it depends on (dependencies and devDependencies). */
  readonly workspaceDeps: readonly string[];
}

/** Every package under the workspace's folders (pnpm-workspace.yaml lists `<folder>/*` and `bench`). */
export function workspacePackages(root = repoRoot): WorkspacePackage[] {
  const dirs = ["packages", "apps", "tooling"].flatMap((folder) =>
    existsSync(join(root, folder))
      ? readdirSync(join(root, folder)).map((name) => `${folder}/${name}`)
      : [],
  );
  dirs.push("bench");
  const manifests = dirs
    .filter((dir) => existsSync(join(root, dir, "package.json")))
    .map((dir) => ({
      dir,
      json: JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")),
    }));
  const names = new Set(manifests.map((m) => m.json.name as string));
  return manifests.map(({ dir, json }) => ({
    name: json.name,
    dir,
    workspaceDeps: Object.keys({ ...json.dependencies, ...json.devDependencies }).filter((dep) =>
      names.has(dep),
    ),
  }));
}

/** The packages that depend on `name`, directly or through others, and `name` itself. */
export function dependentsOf(name: string, packages: readonly WorkspacePackage[]): Set<string> {
  const reached = new Set([name]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const pkg of packages) {
      if (!reached.has(pkg.name) && pkg.workspaceDeps.some((dep) => reached.has(dep))) {
        reached.add(pkg.name);
        grew = true;
      }
    }
  }
  return reached;
}

/** Copies the files git tracks (and the untracked, not ignored ones) into a fresh directory. */
export function scratchCopy(root = repoRoot): string {
  const copy = mkdtempSync(join(tmpdir(), "nnkit-repo-"));
  // One tar pipe: copying file by file takes tens of seconds on a loaded machine.
  execFileSync(
    "bash",
    [
      "-c",
      'git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$1"',
      "copy",
      copy,
    ],
    { cwd: root, stdio: ["ignore", "ignore", "pipe"] },
  );
  return copy;
}
