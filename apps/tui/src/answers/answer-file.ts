// Reading, creating and saving the answer file. Saving writes a temporary file beside it and
// renames it over the old one, so a crash never leaves a half-written file.
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { LoadedGrading } from "./load-grading.js";

export type Opened =
  | { kind: "opened"; text: string }
  | { kind: "missing" }
  | { kind: "unreadable"; message: string };

export async function openAnswerFile(path: string): Promise<Opened> {
  try {
    return { kind: "opened", text: await readFile(path, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { kind: "missing" };
    return {
      kind: "unreadable",
      message: `cannot read ${path}: ${code ?? (error as Error).message}`,
    };
  }
}

/** A fresh answer file for the student, from @nnkit/grading's template for the assignment. */
export function newAnswerText({ grading, assignment }: LoadedGrading, studentId: string): string {
  return grading.answerTemplate(assignment, { studentId });
}

export async function saveAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: "utf8", flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
