import type { LatePolicy } from "../assignment/assignment.js";
import { type GradeResult, roundScore } from "./result.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface LateOutcome {
  readonly result: GradeResult;
  /** The share of the score kept: 1 on time. */
  readonly factor: number;
  /** A sentence for the student, empty when nothing was deducted. */
  readonly note: string;
}

/**
 * Scales a result's total by the assignment's late policy: `penaltyPerDay` for every started day
 * after the due date, capped at `maxPenalty`. Question scores stay as graded, so feedback still
 * shows what each answer earned.
 */
export function applyLatePolicy(
  result: GradeResult,
  policy: LatePolicy | undefined,
  times: { readonly submittedAt: Date; readonly dueDate: Date | undefined },
): LateOutcome {
  const late = times.dueDate ? times.submittedAt.getTime() - times.dueDate.getTime() : 0;
  if (!policy || !(late > 0)) return { result, factor: 1, note: "" };
  const days = Math.ceil(late / DAY_MS);
  const penalty = Math.min(policy.maxPenalty ?? 1, days * policy.penaltyPerDay);
  const factor = 1 - penalty;
  return {
    result: { ...result, score: roundScore(result.score * factor) },
    factor,
    note: `Submitted ${days} day${days === 1 ? "" : "s"} late: ${Math.round(penalty * 100)}% deducted.`,
  };
}
