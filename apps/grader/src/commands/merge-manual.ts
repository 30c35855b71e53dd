import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type GradeResult, type ManualScoreRow, readManualScoreRows } from "@nnkit/grading";
import { CliError, ExitCode } from "../exit-codes.js";
import {
  applyManualScore,
  readManualStore,
  updateManualStore,
  writeManualStore,
} from "../output/manual-store.js";
import { lockOutputFolder } from "../output/out-lock.js";
import { sourceOf } from "../output/result-log.js";
import type { KeyedResult } from "../output/student-key.js";
import { type BatchManifest, MANIFEST_FILE, writeOutputs } from "../output/write-outputs.js";

const COMMAND = "merge-manual";

function readJson<T>(path: string, what: string): T {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch (error) {
    throw new CliError(
      COMMAND,
      "usage",
      `${path} (${what}) cannot be read: ${(error as Error).message}; rerun \`nnkit-grade batch\``,
    );
  }
}

function readManifest(outDir: string): BatchManifest {
  const path = join(outDir, MANIFEST_FILE);
  if (!existsSync(path)) {
    throw new CliError(
      COMMAND,
      "usage",
      `${outDir} has no ${MANIFEST_FILE}; run \`nnkit-grade batch\` first`,
    );
  }
  const manifest = readJson<Partial<BatchManifest>>(path, "the batch's manifest");
  const entryOk = (e: Partial<BatchManifest["entries"][number]>) =>
    typeof e?.key === "string" && /^[A-Za-z0-9._~-]+$/.test(e.key) && typeof e.file === "string";
  if (
    typeof manifest?.assignment !== "string" ||
    !Array.isArray(manifest.entries) ||
    !manifest.entries.every(entryOk)
  ) {
    throw new CliError(
      COMMAND,
      "usage",
      `${path} is not a batch manifest written by nnkit-grade; rerun \`nnkit-grade batch\``,
    );
  }
  return manifest as BatchManifest;
}

function readManualRows(csvPath: string): ManualScoreRow[] {
  try {
    return readManualScoreRows(readFileSync(csvPath, "utf8"));
  } catch (error) {
    throw new CliError(COMMAND, "usage", `${csvPath}: ${(error as Error).message}`);
  }
}

/** The batch's results as graded, before manual scores (outputs older than that: the results). */
function automaticResults(outDir: string, manifest: BatchManifest): KeyedResult[] {
  return manifest.entries.map((entry) => {
    const automatic = join(outDir, "automatic", `${entry.key}.json`);
    const path = existsSync(automatic) ? automatic : join(outDir, "results", `${entry.key}.json`);
    return {
      key: entry.key,
      duplicateOf: entry.duplicateOf,
      file: { path: entry.file, relativePath: entry.file },
      result: readJson<GradeResult>(path, `results of ${entry.file}`),
    };
  });
}

/**
 * Merges each row on its own (one bad row is reported with its line, the others applied) into the
 * folder's manual-scores store, where a new value for a question replaces the old one, then
 * rewrites the outputs with every stored score applied.
 */
export function mergeManualCommand(outDir: string, csvPath: string): ExitCode {
  const release = lockOutputFolder(outDir, COMMAND);
  try {
    return merge(outDir, csvPath);
  } finally {
    release();
  }
}

function merge(outDir: string, csvPath: string): ExitCode {
  const manifest = readManifest(outDir);
  const automatic = automaticResults(outDir, manifest);
  const errors: string[] = [];
  const accepted = [];
  for (const row of readManualRows(csvPath)) {
    if (!row.ok) {
      errors.push(`${csvPath} ${row.message}`);
      continue;
    }
    // Tried on a copy of the results as graded, so a correction replaces an earlier value.
    const problem = applyManualScore(
      automatic.map((r) => ({ ...r })),
      row.score,
    );
    if (problem) errors.push(`${csvPath} line ${row.line}: ${problem}`);
    else accepted.push(row.score);
  }
  const stored = updateManualStore(readManualStore(outDir, COMMAND), accepted);
  try {
    writeManualStore(outDir, stored);
    writeOutputs(outDir, manifest.assignment, sourceOf(automatic), manifest.skipped ?? [], stored);
  } catch (error) {
    throw new CliError(COMMAND, "io", `cannot write outputs: ${(error as Error).message}`);
  }
  for (const e of errors) console.error(`nnkit-grade: ${e}`);
  console.log(
    `merged ${accepted.length} manual scores into ${outDir} (${stored.length} kept in manual-scores.json)${errors.length ? `; ${errors.length} rows rejected` : ""}`,
  );
  return errors.length > 0 ? ExitCode.problems : ExitCode.ok;
}
