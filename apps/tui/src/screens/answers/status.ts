// How a question's status from @nnkit/grading is coloured, and what its items say of one field.
import type { ItemVerdict, QuestionItem, QuestionStatus } from "@nnkit/grading";
import type { Tone } from "../../app/theme.js";

export function statusTone(status: QuestionStatus | string): Tone {
  switch (status) {
    case "passed":
      return "good";
    case "partial":
    case "manual":
    case "review":
      return "warn";
    case "failed":
    case "invalid":
      return "bad";
    default:
      return "muted";
  }
}

/** Scores to two decimals at most (grading keeps six). */
export function points(score: number): string {
  return String(Math.round(score * 100) / 100);
}

/** Worst first: the verdict a field shows when several of its items disagree. */
const severity: readonly ItemVerdict[] = [
  "invalid",
  "wrong",
  "partial",
  "review",
  "manual",
  "correct",
];

/**
 * The verdict of the items judging one field (`field` is its dotted path inside the question, as
 * the items' keys are), the worst of them; undefined when no item is keyed by it (a question judged
 * as a whole, like a network's weights).
 */
export function fieldVerdict(
  items: readonly QuestionItem[],
  field: string,
): ItemVerdict | undefined {
  const verdicts = new Set(items.filter((item) => item.key === field).map((item) => item.verdict));
  return severity.find((verdict) => verdicts.has(verdict));
}
