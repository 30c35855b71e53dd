import type { AnswerValue } from "../answers/answer-value.js";

/** Numbers of a per-student variant (v, x, y of 2.2.1 and 2.3), or the handout's numbers. */
export type Variant = Readonly<Record<string, readonly number[] | number>>;

export interface CheckContext {
  readonly variant: Variant;
  /** Seed for the random instances a check samples; the same for every grading of a file. */
  readonly seed: number;
}

/** How one check judged one answer. `fraction` is the share of the check's weight earned. */
export type CheckOutcome =
  | { readonly status: "graded"; readonly fraction: number; readonly feedback: string }
  | { readonly status: "invalid"; readonly feedback: string }
  | { readonly status: "manual"; readonly feedback: string };

/**
 * A way of judging an answer against a reference computed by the check itself. Checks are built by
 * factories (numericCheck, costCheck, …) from data, so a new assignment needs no new checker code.
 */
export interface Check {
  readonly kind: string;
  grade(answer: AnswerValue, context: CheckContext): CheckOutcome;
}

export function graded(fraction: number, feedback: string): CheckOutcome {
  return { status: "graded", fraction: Math.min(1, Math.max(0, fraction)), feedback };
}

export function invalid(feedback: string): CheckOutcome {
  return { status: "invalid", feedback };
}
