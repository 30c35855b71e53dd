// docs/writing-assignments.md is tested as written: every fenced block whose first line is
// `# file: NAME` (or `// file: NAME`) is appended to NAME in a temporary folder, and the files are
// validated with the built CLI, each with the solution the guide gives for it.
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..", "..");
const cli = join(here, "..", "dist", "cli.js");
const guide = readFileSync(join(repo, "docs", "writing-assignments.md"), "utf8");

/** The guide's files: name → text, blocks of one name concatenated in order. */
function guideFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [, body] of guide.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)) {
    const marker = /^(?:#|\/\/) file: (\S+)\n/.exec(body!);
    if (marker) files.set(marker[1]!, (files.get(marker[1]!) ?? "") + body);
  }
  return files;
}

function folderWithGuideFiles(): string {
  const root = mkdtempSync(join(tmpdir(), "nnkit-guide-"));
  for (const [name, text] of guideFiles()) appendFileSync(join(root, name), text);
  // What `npm install @nnkit/grading` gives the ES module: the package, resolved by name.
  mkdirSync(join(root, "node_modules", "@nnkit"), { recursive: true });
  symlinkSync(join(repo, "packages", "grading"), join(root, "node_modules", "@nnkit", "grading"));
  return root;
}

function validate(root: string, assignment: string, solution: string) {
  const out = spawnSync(process.execPath, [cli, "validate", assignment, "--solution", solution], {
    encoding: "utf8",
    cwd: root,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe("the guide's examples", () => {
  const root = folderWithGuideFiles();

  it("has the files it promises", () => {
    expect([...guideFiles().keys()].sort()).toEqual([
      "custom-solution.yaml",
      "custom.mjs",
      "kinds-solution.yaml",
      "kinds.yaml",
      "network-solution.yaml",
      "network.yaml",
    ]);
  });

  it("one question of each kind validates, and its solution gets full marks", () => {
    const out = validate(root, "kinds.yaml", "kinds-solution.yaml");
    expect(out.stderr).toBe("");
    expect(out.stdout).toContain(
      'kinds.yaml: kinds "One question of each kind", 9 questions, 14 points',
    );
    expect(out.stdout).toContain("parts graded by a person (not checked) in q8");
    expect(out.stdout).toContain("the parts' own solutions: all 1 get full marks");
    expect(out.stdout).toContain("valid: kinds is ready to hand out");
    expect(out.code).toBe(0);
  });

  it("the ES-module example validates with its solution", () => {
    const out = validate(root, "custom.mjs", "custom-solution.yaml");
    expect(out.stderr).toBe("");
    expect(out.stdout).toContain("full marks on every automatic part of all 2 questions");
    expect(out.code).toBe(0);
  });

  it("the network example (graph and backprop) validates with its solution", () => {
    const out = validate(root, "network.yaml", "network-solution.yaml");
    expect(out.stderr).toBe("");
    expect(out.stdout).toContain("full marks on every automatic part of all 2 questions");
    expect(out.code).toBe(0);
  });
});
