// Writes a batch's outputs. The per-student folders are written into a staging folder and swapped
// in whole, then summary, manifest and gradebook are each replaced atomically, the gradebook last.
// A run killed at any point leaves every file either as it was or complete. Results are read one
// at a time from their source (the batch's result log, result-log.ts) and not held. A batch opens
// the staging folder before grading: its grading threads write each student's files into it as
// they go (student-files.ts), and here they are only renamed to the student's key.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import type { ManualScore } from "@nnkit/grading";
import type { SkippedEntry } from "../batch/discover.js";
import { writeFileAtomic } from "./atomic.js";
import { gradebookHeader, gradebookRow } from "./gradebook.js";
import { targetProblem, withManualScore } from "./manual-store.js";
import { processRuns } from "./out-lock.js";
import type { ResultSource } from "./result-log.js";
import { BY_INDEX, moveStudentFiles, STUDENT_FOLDERS, writeStudentFiles } from "./student-files.js";
import { type KeyedResult, keyFiles, sameStudentId } from "./student-key.js";
import { type BatchStats, SummaryTally } from "./summary.js";

export const MANIFEST_FILE = "batch.json";
const STAGING_PREFIX = ".staging-";
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

/**
 * A staging folder for the outputs of `outDir` (leftovers of killed runs removed first), with the
 * per-student folders and, under BY_INDEX, the same folders for grading threads to write into.
 */
export function openStaging(outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  removeLeftovers(outDir);
  const staging = mkdtempSync(join(outDir, `${STAGING_PREFIX}${process.pid}-`));
  mkdirSync(join(staging, BY_INDEX));
  for (const folder of STUDENT_FOLDERS) {
    mkdirSync(join(staging, folder));
    mkdirSync(join(staging, BY_INDEX, folder));
  }
  return staging;
}

/** A staging folder (`openStaging`) and which files' outputs are already written in it by index. */
export interface Staged {
  readonly dir: string;
  has(index: number): boolean;
}

/** A manual score that could not be applied to this batch's results, and why. */
export interface UnappliedScore {
  score: ManualScore;
  reason: string;
}

/** The question ids in the order the results list them, over every file of the source. */
function questionColumns(source: ResultSource): string[] {
  const ids = new Set<string>();
  for (let i = 0; i < source.files.length; i++) for (const id of source.questionIds(i)) ids.add(id);
  return [...ids];
}

/**
 * Writes the outputs of `source` (the results as graded, read one at a time, so memory stays flat
 * in the number of files) with the `manual` scores applied, in `staged`'s folder when given (the
 * files it has are moved, not written again). Returns the batch's numbers and the manual scores
 * that no longer apply (they stay in the store: nothing is lost).
 */
export function writeOutputs(
  outDir: string,
  assignment: string,
  source: ResultSource,
  skipped: readonly SkippedEntry[] = [],
  manual: readonly ManualScore[] = [],
  staged?: Staged,
): { stats: BatchStats; unapplied: UnappliedScore[] } {
  const { files } = source;
  const keys = keyFiles(
    files.map((file, i) => ({ relativePath: file.relativePath, studentId: source.studentId(i) })),
  );
  // Each manual score goes to the one file naming its student, in the store's order.
  const filesOf = new Map<string, number[]>();
  files.forEach((_, i) => {
    const id = sameStudentId(source.studentId(i));
    const group = filesOf.get(id);
    if (group) group.push(i);
    else filesOf.set(id, [i]);
  });
  const reasons = new Map<ManualScore, string>();
  const scoresOf = new Map<number, ManualScore[]>();
  for (const score of manual) {
    const targets = filesOf.get(sameStudentId(score.studentId)) ?? [];
    const problem = targetProblem(score, targets.length);
    if (problem !== undefined) reasons.set(score, problem);
    else {
      const target = targets[0]!;
      const scores = scoresOf.get(target);
      if (scores) scores.push(score);
      else scoresOf.set(target, [score]);
    }
  }
  const columns = questionColumns(source);
  const staging = staged?.dir ?? openStaging(outDir);
  const tally = new SummaryTally();
  try {
    const gradebook = join(staging, "gradebook.csv");
    writeFileSync(gradebook, gradebookHeader(columns));
    files.forEach((file, i) => {
      const automatic = source.result(i);
      let result = automatic;
      for (const score of scoresOf.get(i) ?? []) {
        const merged = withManualScore(result, score);
        if (merged.ok) result = merged.result;
        else reasons.set(score, merged.reason);
      }
      const r: KeyedResult = { file, result, ...keys[i]! };
      if (staged?.has(i)) {
        moveStudentFiles(join(staging, BY_INDEX), String(i), staging, r.key);
        if (result !== automatic) {
          writeStudentFiles(staging, r.key, automatic, result, ["results", "feedback"]);
        }
      } else writeStudentFiles(staging, r.key, automatic, result);
      appendFileSync(gradebook, gradebookRow(columns, r));
      tally.add(r);
    });
    for (const folder of STUDENT_FOLDERS) swapFolder(outDir, join(staging, folder), folder);
    writeFileAtomic(join(outDir, "summary.md"), tally.markdown(skipped));
    const manifest: BatchManifest = {
      assignment,
      entries: files.map((file, i) => ({
        key: keys[i]!.key,
        file: file.relativePath,
        ...(keys[i]!.duplicateOf ? { duplicateOf: keys[i]!.duplicateOf } : {}),
      })),
      skipped: [...skipped],
    };
    writeFileAtomic(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    // The gradebook last: a rename, like every other output.
    renameSync(gradebook, join(outDir, "gradebook.csv"));
  } finally {
    // Also after a failed write (a full disk): no staging folder is left behind.
    rmSync(staging, { recursive: true, force: true });
  }
  const unapplied = manual.flatMap((score) => {
    const reason = reasons.get(score);
    return reason === undefined ? [] : [{ score, reason }];
  });
  return { stats: tally.stats(), unapplied };
}
