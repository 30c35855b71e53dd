// How one judged item's verdict is marked on screen: a character of its own for each verdict (so
// nothing depends on colour), and the tone it is drawn in when colours are on.
import type { ItemVerdict } from "@nnkit/grading";
import type { Tone } from "../app/theme.js";

const marks: Record<ItemVerdict, { mark: string; tone: Tone; word: string }> = {
  correct: { mark: "✓", tone: "good", word: "correct" },
  partial: { mark: "~", tone: "warn", word: "partly right" },
  wrong: { mark: "✗", tone: "bad", word: "wrong" },
  invalid: { mark: "!", tone: "bad", word: "cannot be read" },
  // Not decided by a machine: neither right nor wrong, so neither good nor bad.
  review: { mark: "?", tone: "accent", word: "for a person to decide" },
  manual: { mark: "✎", tone: "muted", word: "graded by a person" },
};

export function verdictMark(verdict: ItemVerdict): string {
  return marks[verdict].mark;
}

export function verdictTone(verdict: ItemVerdict): Tone {
  return marks[verdict].tone;
}

/** What the mark means, for the keys overlay and the review hint. */
export function verdictWord(verdict: ItemVerdict): string {
  return marks[verdict].word;
}

/**
 * What a `review` item asks of the student: the self-check found no mistake in what it checked
 * (its message says what), but did not prove the answer; the grade waits for a person.
 */
export const reviewHint =
  "? = not decided by the self-check: no mistake found in what it checked, not proved; a person decides the grade";
