// Manual scores live in the output folder (OUT/manual-scores.json), so that every rerun of `batch`
// re-applies them and a later merge can correct them: a person's grade is never lost.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type GradeResult,
  GradingError,
  type ManualScore,
  mergeManualScores,
} from "@nnkit/grading";
import { CliError } from "../exit-codes.js";
import { writeFileAtomic } from "./atomic.js";
import { type KeyedResult, sameStudentId } from "./student-key.js";

export const MANUAL_FILE = "manual-scores.json";

interface ManualFile {
  version: 1;
  scores: ManualScore[];
}

function isManualScore(x: unknown): x is ManualScore {
  const s = x as Partial<ManualScore>;
  return (
    typeof s === "object" &&
    s !== null &&
    typeof s.studentId === "string" &&
    typeof s.question === "string" &&
    typeof s.score === "number" &&
    Number.isFinite(s.score) &&
    s.score >= 0 &&
    typeof s.feedback === "string"
  );
}

/** The manual scores kept in `outDir` (none before the first merge). */
export function readManualStore(outDir: string, command: string): ManualScore[] {
  const path = join(outDir, MANUAL_FILE);
  if (!existsSync(path)) return [];
  let data: Partial<ManualFile>;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliError(
      command,
      "usage",
      `${path} is not valid JSON (${(error as Error).message}); restore it or delete it to drop the manual scores`,
    );
  }
  if (data?.version !== 1 || !Array.isArray(data.scores) || !data.scores.every(isManualScore)) {
    throw new CliError(
      command,
      "usage",
      `${path} is not a manual-scores file written by nnkit-grade`,
    );
  }
  return data.scores;
}

export function writeManualStore(outDir: string, scores: readonly ManualScore[]): void {
  const file: ManualFile = { version: 1, scores: [...scores] };
  writeFileAtomic(join(outDir, MANUAL_FILE), `${JSON.stringify(file, null, 2)}\n`);
}

/** Same student (NFC) and question: a later score replaces an earlier one. */
const slot = (s: ManualScore) => `${sameStudentId(s.studentId)}\u0000${s.question}`;

/** The store with `updates` applied: a new value for a question replaces the old one. */
export function updateManualStore(
  stored: readonly ManualScore[],
  updates: readonly ManualScore[],
): ManualScore[] {
  const bySlot = new Map(stored.map((s) => [slot(s), s]));
  for (const u of updates) bySlot.set(slot(u), u);
  return [...bySlot.values()];
}

/**
 * Applies one manual score to the automatic results (in place): exactly one file must have the
 * student's id. Returns why it could not be applied, or undefined when it was.
 */
export function applyManualScore(results: KeyedResult[], score: ManualScore): string | undefined {
  const id = sameStudentId(score.studentId);
  const targets = results.filter((r) => sameStudentId(r.result.student.id) === id);
  const problem = targetProblem(score, targets.length);
  if (problem !== undefined) return problem;
  const target = targets[0]!;
  const merged = withManualScore(target.result, score);
  if (!merged.ok) return merged.reason;
  target.result = merged.result;
  return undefined;
}

/** Why a score cannot go to the student's file, when `files` files name the student's id. */
export function targetProblem(score: ManualScore, files: number): string | undefined {
  if (files === 0) return `no graded file for student ${score.studentId}`;
  if (files > 1) return `student id ${score.studentId} is duplicated; fix the duplicate first`;
  return undefined;
}

/** The result with one manual score added, or why grading refuses it. */
export function withManualScore(
  result: GradeResult,
  score: ManualScore,
): { ok: true; result: GradeResult } | { ok: false; reason: string } {
  try {
    return {
      ok: true,
      result: mergeManualScores(result, [{ ...score, studentId: result.student.id }]),
    };
  } catch (error) {
    if (error instanceof GradingError) return { ok: false, reason: error.message };
    throw error;
  }
}
