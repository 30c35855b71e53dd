import type { AnswerValue } from "../answers/answer-value.js";
import { describeValue } from "../answers/answer-value.js";
import type { Assignment, Part, Question } from "../assignment/assignment.js";
import { seedFrom } from "../assignment/student-variant.js";
import type { CheckOutcome, Variant } from "../checkers/check.js";
import { type QuestionResult, type QuestionStatus, roundScore } from "./result.js";

export interface Audience {
  readonly audience: "instructor" | "student";
  readonly now: Date;
}

/** Grades one question's answer (undefined when the file has none). */
export function gradeQuestion(
  assignment: Assignment,
  question: Question,
  answer: AnswerValue | undefined,
  variant: Variant,
  audience: Audience,
): QuestionResult {
  if (answer === undefined || answer.type === "null") {
    return {
      id: question.id,
      score: 0,
      max_score: question.points,
      status: "missing",
      feedback: "no answer",
    };
  }
  const seed = seedFrom(`${assignment.id}/${question.id}`);
  const outcomes = question.parts.map((part) => gradePart(part, answer, { variant, seed }));
  const totalWeight = question.parts.reduce((sum, part) => sum + part.weight, 0);
  const earned = outcomes.reduce(
    (sum, outcome, i) =>
      sum + (outcome.status === "graded" ? outcome.fraction * question.parts[i]!.weight : 0),
    0,
  );
  const fraction = earned / totalWeight;
  const feedback = question.parts
    .map((part, i) => `${part.label}: ${visibleFeedback(part, outcomes[i]!, assignment, audience)}`)
    .join("\n");
  return {
    id: question.id,
    score: roundScore(fraction * question.points),
    max_score: question.points,
    status: statusOf(outcomes, fraction),
    feedback,
  };
}

function gradePart(
  part: Part,
  answer: AnswerValue,
  context: { variant: Variant; seed: number },
): CheckOutcome {
  const value = part.field === undefined ? answer : fieldAt(answer, part.field);
  if (typeof value === "string") return { status: "invalid", feedback: value };
  if (value === undefined)
    return { status: "graded", fraction: 0, feedback: `no answer for '${part.field}'` };
  try {
    return part.check.grade(value, context);
  } catch (error) {
    // A fault in a checker or a package it uses costs this part, not the whole file.
    const message = error instanceof Error ? error.message : String(error);
    return { status: "invalid", feedback: `internal error while checking: ${message}` };
  }
}

/** The value at a dotted path, undefined when absent, or a message when the answer is not a mapping. */
function fieldAt(answer: AnswerValue, path: string): AnswerValue | undefined | string {
  let value: AnswerValue = answer;
  const walked: string[] = [];
  for (const key of path.split(".")) {
    if (value.type !== "map") {
      const where = walked.length === 0 ? "the answer" : `'${walked.join(".")}'`;
      return `${where} must be a mapping with '${key}'; found ${describeValue(value)}`;
    }
    const next = value.entries.get(key);
    if (next === undefined || next.type === "null") return undefined;
    value = next;
    walked.push(key);
  }
  return value;
}

function statusOf(outcomes: readonly CheckOutcome[], fraction: number): QuestionStatus {
  if (outcomes.some((o) => o.status === "manual")) return "manual";
  if (outcomes.some((o) => o.status === "invalid")) return "invalid";
  if (fraction >= 1) return "passed";
  return fraction > 0 ? "partial" : "failed";
}

function visibleFeedback(
  part: Part,
  outcome: CheckOutcome,
  assignment: Assignment,
  audience: Audience,
): string {
  // A problem reading the answer is about what the student wrote, never about the reference.
  if (
    audience.audience === "instructor" ||
    part.visibility === "visible" ||
    outcome.status === "invalid"
  ) {
    return outcome.feedback;
  }
  const verdict =
    outcome.status === "graded"
      ? outcome.fraction >= 1
        ? "passed"
        : "not passed"
      : outcome.status;
  if (part.visibility === "hidden") return `hidden check (${verdict})`;
  const due = assignment.dueDate;
  if (due === undefined || audience.now.getTime() >= due.getTime()) return outcome.feedback;
  return `${verdict}; details are shown after the due date (${due.toISOString()})`;
}
