// How a question's status from @nnkit/grading is coloured.
import type { QuestionStatus } from "@nnkit/grading";
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
