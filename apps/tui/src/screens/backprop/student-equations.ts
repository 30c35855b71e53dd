// The student's own 2.1.2 equations from the loaded answer file, and the self-check's verdict on
// each: the backprop check's items, one per adjoint (J_bar included).
import type { GradeResult, QuestionItem } from "@nnkit/grading";
import type { Grading } from "../../answers/load-grading.js";

export const backpropQuestion = "q2.1.2";

/** The answer-file key of a variable's adjoint, as in the template: y' → y'_bar. */
export function adjointKey(variable: string): string {
  return `${variable}_bar`;
}

export function studentEquations(grading: Grading, fileText: string): Map<string, string> {
  const parsed = grading.parseAnswerFile(fileText);
  const equations = new Map<string, string>();
  if (!parsed.ok) return equations;
  const answer = parsed.file.answers.get(backpropQuestion);
  if (answer?.type !== "map") return equations;
  for (const [key, value] of answer.entries) {
    if (value.type === "string" && value.value.trim() !== "") equations.set(key, value.value);
  }
  return equations;
}

/** Each equation's item by adjoint key (the chain through the student's own equations apart). */
export function verdicts(result: GradeResult): Map<string, QuestionItem> {
  const question = result.questions.find((q) => q.id === backpropQuestion);
  const found = new Map<string, QuestionItem>();
  for (const item of question?.items ?? []) {
    if (item.aspect === undefined) found.set(item.key, item);
  }
  return found;
}
