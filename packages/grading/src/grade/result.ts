/**
 * `manual`: free text kept for a person; `review`: an answer no machine could decide (a proof that
 * timed out, say), sent to a person. Both count 0 until a person scores them.
 */
export type QuestionStatus =
  | "passed"
  | "partial"
  | "failed"
  | "missing"
  | "invalid"
  | "manual"
  | "review";

export interface QuestionResult {
  readonly id: string;
  readonly score: number;
  readonly max_score: number;
  readonly status: QuestionStatus;
  readonly feedback: string;
}

export interface GradeResult {
  readonly assignment: string;
  readonly student: { readonly id: string; readonly name: string };
  readonly score: number;
  readonly max_score: number;
  readonly questions: readonly QuestionResult[];
}

/** The result as JSON with a fixed key order and layout: the same result gives the same bytes. */
export function resultToJSON(result: GradeResult): string {
  const ordered = {
    assignment: result.assignment,
    student: { id: result.student.id, name: result.student.name },
    score: result.score,
    max_score: result.max_score,
    questions: result.questions.map((q) => ({
      id: q.id,
      score: q.score,
      max_score: q.max_score,
      status: q.status,
      feedback: q.feedback,
    })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Scores are kept to six decimals so that sums print the same everywhere. */
export function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}
