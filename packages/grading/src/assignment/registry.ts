import { GradingError } from "../errors.js";
import { hw1 } from "../hw1/hw1.js";
import type { Assignment } from "./assignment.js";

/** Every assignment the package knows, the first being the default. */
export const assignments: readonly Assignment[] = [hw1];

export function findAssignment(id: string): Assignment | undefined {
  return assignments.find((a) => a.id === id);
}

/** The assignment with this id; throws a GradingError naming the known ids otherwise. */
export function getAssignment(id: string): Assignment {
  const found = findAssignment(id);
  if (found === undefined) {
    throw new GradingError(
      "getAssignment",
      "unknown-assignment",
      `unknown assignment '${id}'; known: ${assignments.map((a) => a.id).join(", ")}`,
    );
  }
  return found;
}
