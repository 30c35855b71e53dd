import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { GradeResult } from "@nnkit/grading";
import { parse } from "csv-parse/sync";
import { CliError, ExitCode } from "../exit-codes.js";
import { applyManualScore, type ManualScore } from "../output/manual.js";
import type { KeyedResult } from "../output/student-key.js";
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
  let rows: Record<string, string>[];
  try {
    rows = parse(readFileSync(csvPath, "utf8"), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new CliError(
      `merge-manual: cannot read ${csvPath}: ${(error as Error).message}`,
      ExitCode.usage,
    );
  }
  for (const column of ["student_id", "question", "score"]) {
    if (rows.length > 0 && !(column in rows[0]!)) {
      throw new CliError(
        `merge-manual: ${csvPath} needs columns student_id,question,score[,comment]`,
        ExitCode.usage,
      );
    }
  }
  return rows.map((row, i) => ({
    studentId: row.student_id!,
    question: row.question!,
    score: Number(row.score),
    comment: row.comment ?? "",
    source: `${csvPath} line ${i + 2}`,
  }));
}

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
  for (const manual of readManualScores(csvPath)) {
    const targets = results.filter((r) => r.result.student.id === manual.studentId);
    if (targets.length !== 1) {
      errors.push(
        targets.length === 0
          ? `${manual.source}: no graded file for student ${manual.studentId}`
          : `${manual.source}: student id ${manual.studentId} is duplicated; fix the duplicate first`,
      );
      continue;
    }
    const outcome = applyManualScore(targets[0]!.result, manual);
    if (outcome.ok) {
      targets[0]!.result = outcome.result;
      merged += 1;
    } else errors.push(outcome.error);
  }
  try {
    writeOutputs(outDir, manifest.assignment, results);
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
