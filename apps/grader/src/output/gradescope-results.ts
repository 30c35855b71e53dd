// Gradescope's results.json: one test per question, the assignment's visibility per check, the
// execution time, and the assignment's late policy applied from submission_metadata.json.
import {
  type Assignment,
  applyLatePolicy,
  type GradeResult,
  type Visibility,
} from "@nnkit/grading";

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

function parseDate(text: string | null | undefined): Date | undefined {
  const date = new Date(text ?? "");
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The total after the assignment's late policy, from Gradescope's submission and due times. */
function lateOutcome(
  assignment: Assignment,
  result: GradeResult | undefined,
  metadata: SubmissionMetadata | undefined,
): { score: number; note: string } {
  const submittedAt = parseDate(metadata?.created_at);
  if (!result || !submittedAt) return { score: result?.score ?? 0, note: "" };
  const dueDate = parseDate(metadata?.assignment?.due_date) ?? assignment.dueDate;
  const late = applyLatePolicy(result, assignment.latePolicy, { submittedAt, dueDate });
  return { score: late.result.score, note: late.note };
}

export function gradescopeResults(input: {
  assignment: Assignment;
  result: GradeResult | undefined;
  submittedFile: string | undefined;
  otherFiles: string[];
  metadata: SubmissionMetadata | undefined;
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
    output:
      q.status === "manual" || q.status === "review"
        ? `${q.feedback}\n(graded by a person later)`.trim()
        : q.feedback,
    visibility: visibilityOf(q.id),
  }));
  const late = lateOutcome(assignment, result, input.metadata);
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
    score: late.score,
    execution_time: Math.max(0, Math.round(input.executionSeconds * 1000) / 1000),
    output,
    visibility: "visible",
    stdout_visibility: "hidden",
    tests,
  };
}
