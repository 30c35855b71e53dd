import { rng } from "@nnkit/tensor";
import type { Assignment } from "./assignment.js";

/**
 * The numbers a student's questions use: the handout's, or, for an assignment with per-student
 * variants, numbers drawn from a seed derived from the student id and the assignment id (the same
 * on every machine, and shown to the student).
 */
export function studentVariant(
  assignment: Assignment,
  studentId: string,
): Record<string, number[] | number> {
  const variant: Record<string, number[] | number> = Object.create(null);
  const random = rng(seedFrom(`${assignment.id}/${studentId}`));
  for (const variable of assignment.variables) {
    const value = assignment.perStudentVariants ? variable.draw(random) : variable.handout;
    variant[variable.name] = typeof value === "number" ? value : [...value];
  }
  return variant;
}

/** FNV-1a hash of a text, as a 32-bit unsigned seed. */
export function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
