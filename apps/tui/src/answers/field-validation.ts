// Validation as you type: the edited file is read by @nnkit/grading and the question's visible
// checks judge it; only an "invalid" verdict (unreadable input) is shown, never right or wrong.
import type { AnswerValue } from "@nnkit/grading";
import type { FieldError } from "../components/TextField.js";
import type { AnswerField } from "./answer-document.js";
import type { Grading } from "./grading-requests.js";

const positionNote = /\s*\(at position (\d+)\)/;

function valueAt(answer: AnswerValue, field: string): AnswerValue | undefined {
  let value: AnswerValue | undefined = answer;
  for (const key of field === "" ? [] : field.split(".")) {
    value = value?.type === "map" ? value.entries.get(key) : undefined;
  }
  return value;
}

/**
 * The answer with every other top-level entry left empty, so that a check judging the whole
 * answer (such as the backprop equations) reports on the edited entry, not on an earlier one.
 */
function isolated(answer: AnswerValue, field: string): AnswerValue {
  if (answer.type !== "map") return answer;
  const [first] = field.split(".");
  const entries = new Map<string, AnswerValue>();
  for (const [key, value] of answer.entries)
    entries.set(key, key === first ? value : { type: "null" });
  return { type: "map", entries };
}

/** The first line of a check's complaint about this field, with its position when it has one. */
function complaintAbout(
  feedback: string,
  field: AnswerField,
  partField: string | undefined,
): FieldError | undefined {
  const key = field.path.at(-1)!;
  const line = feedback.split("\n").find((l) => partField !== undefined || l.startsWith(`${key}:`));
  if (line === undefined) return undefined;
  const position = positionNote.exec(line);
  const message = line
    .replace(positionNote, "")
    .replace(new RegExp(`^${key.replace(/\W/g, "\\$&")}: `), "");
  return { position: position ? Number(position[1]) : 0, message };
}

/** Why the file's value of `field` cannot be graded, or undefined when it can. */
export function validateField(
  grading: Grading,
  fileText: string,
  field: AnswerField,
): FieldError | undefined {
  const { getAssignment, parseAnswerFile, seedFrom, studentVariant } = grading;
  const parsed = parseAnswerFile(fileText);
  if (!parsed.ok) return { position: 0, message: parsed.reason };
  const assignment = getAssignment(parsed.file.assignment ?? "hw1");
  const question = assignment.questions.find((q) => q.id === field.question);
  const answer = parsed.file.answers.get(field.question);
  if (question === undefined || answer === undefined) return undefined;
  const context = {
    variant: studentVariant(assignment, parsed.file.student.id),
    seed: seedFrom(`${assignment.id}/${parsed.file.student.id}`),
  };
  for (const part of question.parts) {
    if (part.visibility !== "visible") continue;
    if (part.field !== undefined && part.field !== field.field) continue;
    const value =
      part.field === undefined ? isolated(answer, field.field) : valueAt(answer, part.field);
    if (value === undefined) continue;
    const outcome = part.check.grade(value, context);
    if (outcome.status !== "invalid") continue;
    const complaint = complaintAbout(outcome.feedback, field, part.field);
    if (complaint) return complaint;
  }
  return undefined;
}
