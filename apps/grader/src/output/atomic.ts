// Atomic file writes: write a temporary file beside the target, then rename over the target. A
// rename within one directory is atomic on POSIX file systems, so a reader (or a killed run) sees
// either the previous file or the new one, never a torn one. There is no fsync: it guards against
// power loss, not killed processes, and costs more than the grading of a file.
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export function writeFileAtomic(path: string, contents: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeFileSync(temp, contents);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
