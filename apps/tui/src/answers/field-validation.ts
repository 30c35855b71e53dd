// Validation as you type: @nnkit/grading gives the grader's verdict on the edited field (same
// seed, variant and visibility as grading the file); only an "invalid" verdict (unreadable
// input) is shown, never right or wrong.
import type { FieldError } from "../components/TextField.js";
import type { AnswerField } from "./answer-document.js";
import type { LoadedGrading } from "./load-grading.js";

/** Why the file's value of `field` cannot be graded, or undefined when it can. */
export function validateField(
  { grading, assignment }: LoadedGrading,
  fileText: string,
  field: AnswerField,
): FieldError | undefined {
  const parsed = grading.parseAnswerFile(fileText);
  if (!parsed.ok) return { position: 0, message: parsed.reason };
  const verdict = grading.checkField(
    assignment,
    field.question,
    field.field,
    parsed.file.answers.get(field.question),
    { audience: "student", studentId: parsed.file.student.id },
  );
  const unreadable = verdict?.items.find((item) => item.verdict === "invalid");
  if (unreadable === undefined) return undefined;
  return { position: unreadable.position?.start ?? 0, message: unreadable.message };
}
