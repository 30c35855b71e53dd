import type { OutcomeItem } from "../checkers/outcome.js";

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

/**
 * One judged field or equation of a question: `key` is the field's path in the answer
 * ("reverse.memory", "J_bar", "network"), `part` the label of the part that judged it, `share`
 * its share of the question's points.
 */
export type QuestionItem = OutcomeItem & {
  readonly part: string;
  /**
   * The item's sentence from the one renderer, without the "(at position N)" note that
   * `position` carries: for screens that show one field's verdict.
   */
  readonly message: string;
};

export interface QuestionResult {
  readonly id: string;
  readonly score: number;
  readonly max_score: number;
  readonly status: QuestionStatus;
  /** Rendered from `items` by grade/render-feedback.ts. */
  readonly feedback: string;
  readonly items: readonly QuestionItem[];
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
      items: q.items.map(orderedItem),
    })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Scores are kept to six decimals so that sums print the same everywhere. */
export function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

/** An item with its keys in a fixed order; optional fields appear only when present. */
function orderedItem(item: QuestionItem): Record<string, unknown> {
  return {
    key: item.key,
    part: item.part,
    verdict: item.verdict,
    message: item.message,
    share: roundScore(item.share),
    earned: roundScore(item.earned),
    finding: item.finding,
    ...(item.aspect === undefined ? {} : { aspect: item.aspect }),
    ...(item.position === undefined ? {} : { position: item.position }),
    ...(item.counterexample === undefined ? {} : { counterexample: item.counterexample }),
    ...(item.scope === undefined ? {} : { scope: item.scope }),
    ...(item.hint === undefined ? {} : { hint: item.hint }),
  };
}
