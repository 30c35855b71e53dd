import type { AnswerValue } from "../answers/answer-value.js";
import type { MathError } from "../math/math-error.js";
import { type CheckOutcome, invalid } from "./outcome.js";

export { type CheckOutcome, DIRECT, graded, invalid, item, outcomeOf, review } from "./outcome.js";

/** Numbers of a per-student variant (v, x, y of 2.2.1 and 2.3), or the handout's numbers. */
export type Variant = Readonly<Record<string, readonly number[] | number>>;

export interface CheckContext {
  readonly variant: Variant;
  /** Seed for the random instances a check samples; the same for every grading of a file. */
  readonly seed: number;
  /**
   * The convention the whole answer is graded under, for questions that accept several (the
   * handout's and the errata's); undefined: every convention's references are accepted.
   */
  readonly convention?: string;
}

/**
 * A way of judging an answer against a reference computed by the check itself. Checks are built by
 * factories (numericCheck, costCheck, …) from data, so a new assignment needs no new checker code.
 */
export interface Check {
  readonly kind: string;
  /** Set by checks that ask the solver thread (solver-thread.ts): a batch starts it early. */
  readonly usesSolver?: true;
  grade(answer: AnswerValue, context: CheckContext): CheckOutcome;
}

/** An unreadable formula, located in the text the student typed. */
export function invalidMath(error: MathError, key = ""): CheckOutcome {
  const end = Math.min(error.position + 1, error.input.length);
  return invalid(error.message, {
    key,
    input: error.input,
    position: { start: error.position, end: Math.max(end, error.position) },
  });
}
