import { parseAnswerFile } from "../answers/parse-answer-file.js";
import type { Assignment, Question } from "../assignment/assignment.js";
import { isThresholdCheck, type ThresholdCheck } from "../checkers/threshold-check.js";
import { type AnswerNetworkResult, refused } from "../checkers/threshold-network.js";
import { GradingError } from "../errors.js";

/**
 * The threshold network the grader would verify for a question (1.1, 1.2 of homework 1) in an
 * answer file, or the reason it would give for not verifying one. Throws a GradingError when the
 * assignment has no such question or the question has no threshold check.
 */
export function answerNetwork(
  assignment: Assignment,
  questionId: string,
  answerFileText: string,
): AnswerNetworkResult {
  const check = thresholdCheckOf(assignment, questionId);
  const parsed = parseAnswerFile(answerFileText);
  if (!parsed.ok) return refused("invalid", parsed.reason);
  const answer = parsed.file.answers.get(questionId);
  // The grader's wording for a question the file leaves out or leaves empty.
  if (answer === undefined || answer.type === "null") return refused("missing", "no answer");
  return check.network(answer);
}

/** The check of the question's part that verifies the whole answer as a threshold network. */
function thresholdCheckOf(assignment: Assignment, questionId: string): ThresholdCheck {
  const where = `answerNetwork(${assignment.id}, ${questionId})`;
  const question: Question | undefined = assignment.questions.find((q) => q.id === questionId);
  if (question === undefined) {
    throw new GradingError(
      where,
      "unknown-question",
      `the assignment has no question ${questionId}`,
    );
  }
  for (const part of question.parts) {
    if (part.field === undefined && isThresholdCheck(part.check)) return part.check;
  }
  throw new GradingError(where, "wrong-kind", `${questionId} has no threshold network to read`);
}
