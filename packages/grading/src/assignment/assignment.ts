import type { Rng } from "@nnkit/tensor";
import type { AnswerValue } from "../answers/answer-value.js";
import type { Check } from "../checkers/check.js";
import { GradingError } from "../errors.js";

/**
 * Who sees a check's feedback: everyone; students only once the due date has passed; or only the
 * instructor (the score always counts).
 */
export type Visibility = "visible" | "after_due_date" | "hidden";

/** One judged aspect of a question's answer. */
export interface Part {
  /** Names the part in feedback, e.g. "reverse mode, multiplications". */
  readonly label: string;
  /** Dotted path of the field this part reads (`reverse.memory`); the whole answer if absent. */
  readonly field?: string;
  /** Share of the question's points, relative to the other parts. */
  readonly weight: number;
  readonly visibility: Visibility;
  readonly check: Check;
  /**
   * An answer to this part (the value at `field`) that must earn full marks, e.g. a threshold
   * question's reference network: `nnkit-grade validate` grades it.
   */
  readonly solution?: AnswerValue;
}

export interface Question {
  /** Key in the answer file's `answers:` mapping, e.g. `q2.3`. */
  readonly id: string;
  readonly title: string;
  /** The handout's points; a 0-point question is still checked and given feedback. */
  readonly points: number;
  readonly parts: readonly Part[];
  /** The YAML lines under the question's key in an answer template, with comments. */
  readonly template: string;
  /**
   * Conventions the question accepts (the handout's first): every part of one answer is graded
   * under one of them, the one that earns the answer most, so that z and its costs agree.
   */
  readonly conventions?: readonly [string, ...string[]];
}

/** A number a per-student variant draws (v, x, y of 2.2.1), with the handout's value. */
export interface VariantVariable {
  readonly name: string;
  readonly handout: readonly number[] | number;
  readonly draw: (random: Rng) => readonly number[] | number;
}

/** Points removed for lateness: a fraction of the score per started day, up to a cap. */
export interface LatePolicy {
  /** Fraction of the score removed per started day late, e.g. 0.1. */
  readonly penaltyPerDay: number;
  /** Largest fraction removed in all (default 1: the whole score). */
  readonly maxPenalty?: number;
}

export interface Assignment {
  readonly id: string;
  readonly title: string;
  readonly dueDate?: Date;
  /** Applied by `applyLatePolicy` when a submission time is known (e.g. on Gradescope). */
  readonly latePolicy?: LatePolicy;
  readonly questions: readonly Question[];
  readonly variables: readonly VariantVariable[];
  /** Whether each student gets numbers drawn from their id; otherwise the handout's are used. */
  readonly perStudentVariants: boolean;
}

/** Validates an assignment definition: unique question ids, positive weights, known variables. */
export function defineAssignment(assignment: Assignment): Assignment {
  checkQuestionList(assignment);
  for (const question of assignment.questions) checkParts(assignment.id, question);
  return assignment;
}

/** defineAssignment's checks of the question list: unique ids, points of at least 0. */
export function checkQuestionList(assignment: Assignment): void {
  const where = `defineAssignment(${assignment.id})`;
  const ids = new Set<string>();
  for (const question of assignment.questions) {
    if (ids.has(question.id))
      throw new GradingError(where, "definition", `question id ${question.id} is used twice`);
    ids.add(question.id);
    if (!(question.points >= 0))
      throw new GradingError(where, "definition", `${question.id} has negative points`);
  }
}

/** defineAssignment's checks of one question's parts: at least one, each of positive weight. */
export function checkParts(assignmentId: string, question: Pick<Question, "id" | "parts">): void {
  const where = `defineAssignment(${assignmentId})`;
  if (question.parts.length === 0)
    throw new GradingError(where, "definition", `${question.id} has no parts`);
  for (const part of question.parts) {
    if (!(part.weight > 0))
      throw new GradingError(
        where,
        "definition",
        `${question.id} "${part.label}" needs a positive weight`,
      );
  }
}

/** A copy of an assignment that draws per-student numbers (or stops doing so). */
export function withStudentVariants(assignment: Assignment, perStudentVariants = true): Assignment {
  return { ...assignment, perStudentVariants };
}
