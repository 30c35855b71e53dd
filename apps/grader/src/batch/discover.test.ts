import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discoverAnswerFiles } from "./discover.js";

function classFolder(): string {
  const root = mkdtempSync(join(tmpdir(), "nnkit-discover-"));
  mkdirSync(join(root, "late"));
  for (const name of [
    "a.yaml",
    "B.YAML",
    "c.Yml",
    "d.JSON",
    "late/e.yml",
    "notes.txt",
    ".hidden.yaml",
  ]) {
    writeFileSync(join(root, name), "x");
  }
  symlinkSync(join(root, "a.yaml"), join(root, "link.yaml"));
  symlinkSync("/etc", join(root, "linked-folder"));
  return root;
}

describe("discoverAnswerFiles", () => {
  it("grades answer files whatever the case of their extension, lists the rest with why", () => {
    const root = classFolder();
    const fifo = process.platform === "linux";
    if (fifo) execFileSync("mkfifo", [join(root, "pipe.yaml")]);
    const { files, skipped } = discoverAnswerFiles(root);
    expect(files.map((f) => f.relativePath)).toEqual([
      "B.YAML",
      "a.yaml",
      "c.Yml",
      "d.JSON",
      "late/e.yml",
    ]);
    expect(skipped).toEqual([
      { relativePath: ".hidden.yaml", reason: "hidden: not graded" },
      { relativePath: "link.yaml", reason: "a symbolic link: links are not followed" },
      { relativePath: "linked-folder", reason: "a symbolic link: links are not followed" },
      { relativePath: "notes.txt", reason: "not an answer file (.yaml, .yml or .json)" },
      ...(fifo
        ? [{ relativePath: "pipe.yaml", reason: "not a regular file (a FIFO, socket or device)" }]
        : []),
    ]);
  });

  // root reads everything, so only an ordinary user can see a file it may not read.
  it.runIf(process.getuid?.() !== 0)("lists a file it cannot read", () => {
    const root = classFolder();
    chmodSync(join(root, "a.yaml"), 0o000);
    const { files, skipped } = discoverAnswerFiles(root);
    expect(files.map((f) => f.relativePath)).not.toContain("a.yaml");
    expect(skipped).toContainEqual({ relativePath: "a.yaml", reason: "cannot be read (EACCES)" });
  });
});
