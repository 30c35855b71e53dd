import type { AnswerValue } from "../answers/answer-value.js";
import type { Assignment, Part } from "../assignment/assignment.js";
import { studentVariant } from "../assignment/student-variant.js";
import { gradeQuestion } from "./grade-question.js";
import type { QuestionItem } from "./result.js";

export interface FieldVerdict {
  /** The items judging this field (or a part of it), in the grader's order. */
  readonly items: readonly QuestionItem[];
}

export interface FieldCheckOptions {
  readonly audience: "instructor" | "student";
  /** Whose variant of the numbers the answer is judged against. */
  readonly studentId: string;
  readonly now?: Date;
}

/**
 * The grader's verdict on one field of a question's answer: the parts that judge it are graded
 * exactly as `gradeAnswerText` grades them (same seed, variant, convention and visibility), and
 * the items whose key is the field, or lies inside it, are returned. Validation as you type uses this, so it cannot disagree
 * with the grader. Each item's `message` leaves out the "(at position N)" note: `position` carries it.
 */
export function checkField(
  assignment: Assignment,
  questionId: string,
  field: string,
  answer: AnswerValue | undefined,
  options: FieldCheckOptions,
): FieldVerdict | undefined {
  const question = assignment.questions.find((q) => q.id === questionId);
  if (question === undefined) return undefined;
  const about = (key: string) => field === "" || key === field || key.startsWith(`${field}.`);
  // Only the parts that can judge the field are graded (validation runs at every key pressed):
  // those reading it, one inside it, or the whole answer.
  const judges = (part: Part) =>
    part.field === undefined || about(part.field) || field.startsWith(`${part.field}.`);
  const result = gradeQuestion(
    assignment,
    question,
    answer,
    studentVariant(assignment, options.studentId),
    { audience: options.audience, now: options.now ?? new Date() },
    judges,
  );
  return { items: result.items.filter((item) => about(item.key)) };
}
