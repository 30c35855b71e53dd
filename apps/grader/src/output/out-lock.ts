// One writer per output folder: `batch` and `merge-manual` hold OUT/.lock (holding their process
// id) while they work. A second run stops with a message naming the holder; a lock left by a
// process that no longer runs is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "../exit-codes.js";

export const LOCK_FILE = ".lock";

/** Whether a process with this id runs (signal 0 only checks). */
export function processRuns(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/** Takes the output folder's lock, or throws a CliError naming who holds it. Returns the release. */
export function lockOutputFolder(outDir: string, command: string): () => void {
  const path = join(outDir, LOCK_FILE);
  try {
    mkdirSync(outDir, { recursive: true });
    return takeLock(path, outDir, command);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(command, "io", `cannot write to ${outDir}: ${(error as Error).message}`);
  }
}

function takeLock(path: string, outDir: string, command: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(path, "utf8"), 10);
      if (processRuns(holder)) {
        throw new CliError(
          command,
          "io",
          `${outDir} is in use by another nnkit-grade (process ${holder}); wait for it to finish (or, if it is gone, delete ${path})`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new CliError(command, "io", `cannot lock ${outDir} (${path})`);
}
