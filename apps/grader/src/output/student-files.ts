// A student's three output files: the result as graded (automatic/), the result with manual scores
// (results/) and the feedback (feedback/). A batch's grading thread writes them as soon as it has
// graded a file, into the batch's staging folder under the file's index (file creation costs the
// kernel about a millisecond each here, so 1 800 of them at the end would be a serial second or
// two); writeOutputs then only renames them to the student's key, and writes those it was not sent.
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type GradeResult, resultToJSON } from "@nnkit/grading";
import { feedbackMarkdown } from "./feedback.js";

export const STUDENT_FOLDERS = ["automatic", "results", "feedback"] as const;
export type StudentFolder = (typeof STUDENT_FOLDERS)[number];

/** The folder of a batch's staging folder where grading threads write each file by its index. */
export const BY_INDEX = "by-index";

function fileName(folder: StudentFolder, name: string): string {
  return `${name}${folder === "feedback" ? ".md" : ".json"}`;
}

function render(folder: StudentFolder, automatic: GradeResult, result: GradeResult): string {
  if (folder === "automatic") return resultToJSON(automatic);
  return folder === "results" ? resultToJSON(result) : feedbackMarkdown(result);
}

/**
 * Writes the student's files named `name` in `folders` (each a folder of `root`, which exist):
 * `automatic` as graded, `result` with manual scores applied (the same when there are none).
 */
export function writeStudentFiles(
  root: string,
  name: string,
  automatic: GradeResult,
  result: GradeResult = automatic,
  folders: readonly StudentFolder[] = STUDENT_FOLDERS,
): void {
  for (const folder of folders) {
    writeFileSync(join(root, folder, fileName(folder, name)), render(folder, automatic, result));
  }
}

/** Renames a student's three files from `from/<folder>/<fromName>` to `to/<folder>/<toName>`. */
export function moveStudentFiles(from: string, fromName: string, to: string, toName: string): void {
  for (const folder of STUDENT_FOLDERS) {
    renameSync(
      join(from, folder, fileName(folder, fromName)),
      join(to, folder, fileName(folder, toName)),
    );
  }
}
