import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type GradeResult,
  GradingError,
  type ManualScore,
  mergeManualScores,
  parseManualScores,
} from "@nnkit/grading";
import { CliError, ExitCode } from "../exit-codes.js";
import { type KeyedResult, sameStudentId } from "../output/student-key.js";
import { type BatchManifest, MANIFEST_FILE, writeOutputs } from "../output/write-outputs.js";

function readManifest(outDir: string): BatchManifest {
  const path = join(outDir, MANIFEST_FILE);
  if (!existsSync(path)) {
    throw new CliError(
      `merge-manual: ${outDir} has no ${MANIFEST_FILE}; run \`nnkit-grade batch\` first`,
      ExitCode.usage,
    );
  }
  return JSON.parse(readFileSync(path, "utf8")) as BatchManifest;
}

function readManualScores(csvPath: string): ManualScore[] {
  try {
    return parseManualScores(readFileSync(csvPath, "utf8"));
  } catch (error) {
    throw new CliError(`merge-manual: ${csvPath}: ${(error as Error).message}`, ExitCode.usage);
  }
}

/** Merges each row on its own, so one bad row is reported without losing the others. */
export function mergeManualCommand(outDir: string, csvPath: string): ExitCode {
  const manifest = readManifest(outDir);
  const results: KeyedResult[] = manifest.entries.map((entry) => ({
    key: entry.key,
    duplicateOf: entry.duplicateOf,
    file: { path: entry.file, relativePath: entry.file },
    result: JSON.parse(
      readFileSync(join(outDir, "results", `${entry.key}.json`), "utf8"),
    ) as GradeResult,
  }));
  const errors: string[] = [];
  let merged = 0;
  for (const [index, row] of readManualScores(csvPath).entries()) {
    const where = `${csvPath} line ${index + 2}`;
    const targets = results.filter(
      (r) => sameStudentId(r.result.student.id) === sameStudentId(row.studentId),
    );
    if (targets.length !== 1) {
      errors.push(
        targets.length === 0
          ? `${where}: no graded file for student ${row.studentId}`
          : `${where}: student id ${row.studentId} is duplicated; fix the duplicate first`,
      );
      continue;
    }
    try {
      targets[0]!.result = mergeManualScores(targets[0]!.result, [row]);
      merged += 1;
    } catch (error) {
      if (!(error instanceof GradingError)) throw error;
      errors.push(`${where}: ${error.message}`);
    }
  }
  try {
    writeOutputs(outDir, manifest.assignment, results, manifest.skipped ?? []);
  } catch (error) {
    throw new CliError(
      `merge-manual: cannot write outputs: ${(error as Error).message}`,
      ExitCode.io,
    );
  }
  for (const e of errors) console.error(`nnkit-grade: ${e}`);
  console.log(
    `merged ${merged} manual scores into ${outDir}${errors.length ? `; ${errors.length} rows rejected` : ""}`,
  );
  return errors.length > 0 ? ExitCode.problems : ExitCode.ok;
}
