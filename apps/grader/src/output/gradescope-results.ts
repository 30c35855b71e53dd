// Gradescope's results.json: one test per question, the assignment's visibility per check, the
// execution time, and the assignment's late policy applied from submission_metadata.json.
import type { Assignment, GradeResult, Visibility } from "@nnkit/grading";

export type GradescopeVisibility = "visible" | "hidden" | "after_due_date" | "after_published";

export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: "passed" | "failed";
  output: string;
  visibility: GradescopeVisibility;
}

export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  visibility: GradescopeVisibility;
  stdout_visibility: GradescopeVisibility;
  tests: GradescopeTest[];
}

/** The parts of Gradescope's submission_metadata.json that grading uses. */
export interface SubmissionMetadata {
  created_at?: string;
  assignment?: { due_date?: string; late_due_date?: string | null };
}

export interface LatePolicy {
  /** Fraction of the score removed per started day late, e.g. 0.1. */
  penaltyPerDay: number;
  /** Largest total fraction removed, e.g. 1 (default). */
  maxPenalty?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Fraction of the score kept, and a sentence explaining it; 1 when on time or no policy applies. */
export function lateFactor(
  policy: LatePolicy | undefined,
  metadata: SubmissionMetadata | undefined,
): { factor: number; note: string } {
  const created = Date.parse(metadata?.created_at ?? "");
  const due = Date.parse(metadata?.assignment?.due_date ?? "");
  if (!policy || Number.isNaN(created) || Number.isNaN(due) || created <= due) {
    return { factor: 1, note: "" };
  }
  const daysLate = Math.ceil((created - due) / DAY_MS);
  const penalty = Math.min(policy.maxPenalty ?? 1, daysLate * policy.penaltyPerDay);
  return {
    factor: 1 - penalty,
    note: `Submitted ${daysLate} day${daysLate === 1 ? "" : "s"} late: ${Math.round(penalty * 100)}% deducted.`,
  };
}

const OPENNESS: readonly Visibility[] = ["hidden", "after_due_date", "visible"];

/**
 * One Gradescope test stands for a whole question, so it is as visible as its most visible part;
 * the feedback inside comes from grading for students, which never shows a hidden part's details.
 */
export function questionVisibility(
  parts: readonly { visibility: Visibility }[],
): GradescopeVisibility {
  let best = 0;
  for (const part of parts) best = Math.max(best, OPENNESS.indexOf(part.visibility));
  return parts.length ? OPENNESS[best]! : "visible";
}

export function gradescopeResults(input: {
  assignment: Assignment;
  result: GradeResult | undefined;
  submittedFile: string | undefined;
  otherFiles: string[];
  metadata: SubmissionMetadata | undefined;
  latePolicy?: LatePolicy;
  executionSeconds: number;
}): GradescopeResults {
  const { assignment, result } = input;
  const visibilityOf = (id: string): GradescopeVisibility =>
    questionVisibility(assignment.questions.find((q) => q.id === id)?.parts ?? []);
  const tests: GradescopeTest[] = (result?.questions ?? []).map((q) => ({
    name: q.id,
    number: q.id.replace(/^q/, ""),
    score: q.score,
    max_score: q.max_score,
    status: q.status === "passed" ? "passed" : "failed",
    output: q.status === "manual" ? `${q.feedback}\n(graded by a person later)`.trim() : q.feedback,
    visibility: visibilityOf(q.id),
  }));
  const raw = tests.reduce((s, t) => s + t.score, 0);
  const late = lateFactor(input.latePolicy, input.metadata);
  const output = [
    input.submittedFile
      ? `Graded ${input.submittedFile}.`
      : "No answer file found: upload answers.yaml (YAML or JSON).",
    input.otherFiles.length ? `Ignored: ${input.otherFiles.join(", ")}.` : "",
    late.note,
  ]
    .filter(Boolean)
    .join("\n");
  return {
    score: Math.round(raw * late.factor * 1000) / 1000,
    execution_time: Math.max(0, Math.round(input.executionSeconds * 1000) / 1000),
    output,
    visibility: "visible",
    stdout_visibility: "hidden",
    tests,
  };
}
