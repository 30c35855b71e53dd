// Writes a batch's outputs. The per-student folders are written into a staging folder and swapped
// in whole, then summary, manifest and gradebook are each replaced atomically, the gradebook last.
// A run killed at any point leaves every file either as it was or complete.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { type ManualScore, resultToJSON } from "@nnkit/grading";
import type { SkippedEntry } from "../batch/discover.js";
import { writeFileAtomic } from "./atomic.js";
import { feedbackMarkdown } from "./feedback.js";
import { gradebookCsv } from "./gradebook.js";
import { applyManualScore } from "./manual-store.js";
import { processRuns } from "./out-lock.js";
import type { KeyedResult } from "./student-key.js";
import { summaryMarkdown } from "./summary.js";

export const MANIFEST_FILE = "batch.json";
const STAGING_PREFIX = ".staging-";
/** Per-student folders: results as graded (before manual scores), final results, feedback. */
const FOLDERS = ["automatic", "results", "feedback"] as const;
const REPLACED_PREFIX = ".replaced-";

/** What merge-manual needs to rebuild the outputs: which results file came from which answer file. */
export interface BatchManifest {
  assignment: string;
  entries: { key: string; file: string; duplicateOf?: string[] }[];
  /** Entries of the batch folder that were not graded, and why. */
  skipped?: SkippedEntry[];
}

/** The process that made a staging or replaced folder (its id is in the name). */
function ownerOf(name: string): number | undefined {
  const match = /^\.(?:staging|replaced-[a-z]+)-(\d+)-/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * Leftovers of runs that were killed or ran out of disk while writing: removed unless the process
 * that made them still runs (the folder lock keeps a live one away; this is its second guard).
 */
function removeLeftovers(outDir: string): void {
  for (const name of readdirSync(outDir)) {
    if (!name.startsWith(STAGING_PREFIX) && !name.startsWith(REPLACED_PREFIX)) continue;
    const owner = ownerOf(name);
    if (owner !== undefined && owner !== process.pid && processRuns(owner)) continue;
    rmSync(join(outDir, name), { recursive: true, force: true });
  }
}

/** Puts `fresh` where `target` was: two renames, the old folder deleted afterwards. */
function swapFolder(outDir: string, fresh: string, name: string): void {
  const target = join(outDir, name);
  const replaced = join(outDir, `${REPLACED_PREFIX}${name}-${process.pid}-`);
  if (existsSync(target)) renameSync(target, replaced);
  renameSync(fresh, target);
  rmSync(replaced, { recursive: true, force: true });
}

/** A manual score that could not be applied to this batch's results, and why. */
export interface UnappliedScore {
  score: ManualScore;
  reason: string;
}

/**
 * Writes the outputs of `automatic` (the results as graded) with the `manual` scores applied.
 * Returns the final results and the manual scores that no longer apply (they stay in the store:
 * nothing is lost).
 */
export function writeOutputs(
  outDir: string,
  assignment: string,
  automatic: readonly KeyedResult[],
  skipped: readonly SkippedEntry[] = [],
  manual: readonly ManualScore[] = [],
): { results: KeyedResult[]; unapplied: UnappliedScore[] } {
  const results = automatic.map((r) => ({ ...r }));
  const unapplied: UnappliedScore[] = [];
  for (const score of manual) {
    const reason = applyManualScore(results, score);
    if (reason) unapplied.push({ score, reason });
  }
  mkdirSync(outDir, { recursive: true });
  removeLeftovers(outDir);
  const staging = mkdtempSync(join(outDir, `${STAGING_PREFIX}${process.pid}-`));
  try {
    for (const folder of FOLDERS) mkdirSync(join(staging, folder));
    for (const [i, r] of results.entries()) {
      writeFileSync(
        join(staging, "automatic", `${r.key}.json`),
        resultToJSON(automatic[i]!.result),
      );
      writeFileSync(join(staging, "results", `${r.key}.json`), resultToJSON(r.result));
      writeFileSync(join(staging, "feedback", `${r.key}.md`), feedbackMarkdown(r.result));
    }
    for (const folder of FOLDERS) swapFolder(outDir, join(staging, folder), folder);
  } finally {
    // Also after a failed write (a full disk): no staging folder is left behind.
    rmSync(staging, { recursive: true, force: true });
  }
  writeFileAtomic(join(outDir, "summary.md"), summaryMarkdown(results, skipped));
  const manifest: BatchManifest = {
    assignment,
    entries: results.map((r) => ({
      key: r.key,
      file: r.file.relativePath,
      ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}),
    })),
    skipped: [...skipped],
  };
  writeFileAtomic(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileAtomic(join(outDir, "gradebook.csv"), gradebookCsv(results));
  return { results, unapplied };
}
