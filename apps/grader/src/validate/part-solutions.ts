// The solutions an assignment gives per part (`solution:` beside a part's kind), put together as
// one answer file, so that validate grades them as a student's answers are graded.
import type { AnswerValue, Assignment } from "@nnkit/grading";
import { stringify } from "yaml";

/** The student id of the answer file made of the parts' solutions. */
export const PART_SOLUTIONS_STUDENT = "part-solutions";

/** Question id → labels of its parts that give a solution. */
export function partsWithSolutions(assignment: Assignment): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const question of assignment.questions) {
    const labels = question.parts.filter((p) => p.solution !== undefined).map((p) => p.label);
    if (labels.length > 0) found.set(question.id, labels);
  }
  return found;
}

/** An answer file with each part's solution at its field (the whole answer for a part without). */
export function partSolutionsFile(assignment: Assignment): string {
  const answers: Record<string, unknown> = {};
  for (const question of assignment.questions) {
    let answer: unknown;
    for (const part of question.parts) {
      if (part.solution === undefined) continue;
      const value = plain(part.solution);
      if (part.field === undefined) {
        answer = value;
        continue;
      }
      answer = typeof answer === "object" && answer !== null ? answer : {};
      setPath(answer as Record<string, unknown>, part.field.split("."), value);
    }
    if (answer !== undefined) answers[question.id] = answer;
  }
  return stringify({
    assignment: assignment.id,
    student: { id: PART_SOLUTIONS_STUDENT, name: "the parts' solutions" },
    answers,
  });
}

function setPath(target: Record<string, unknown>, steps: readonly string[], value: unknown): void {
  const [first, ...rest] = steps;
  if (first === undefined) return;
  if (rest.length === 0) {
    target[first] = value;
    return;
  }
  const next = target[first];
  const child = typeof next === "object" && next !== null ? next : {};
  target[first] = child;
  setPath(child as Record<string, unknown>, rest, value);
}

/** An answer value as the plain data YAML writes back (maps as objects, keys kept as text). */
function plain(value: AnswerValue): unknown {
  switch (value.type) {
    case "map": {
      const object: Record<string, unknown> = Object.create(null);
      for (const [key, entry] of value.entries) object[key] = plain(entry);
      return object;
    }
    case "list":
      return value.items.map(plain);
    case "null":
      return null;
    default:
      return value.value;
  }
}
