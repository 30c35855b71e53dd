import { readNumeric } from "../answers/read-values.js";
import type { NumericArray } from "../math/constant.js";
import { type Check, type CheckContext, graded, invalid } from "./check.js";
import { perContext } from "./per-context.js";

export interface NumericReference {
  /** Shown in feedback when this reference is the one matched, e.g. "errata ½ convention". */
  readonly label?: string;
  /** A function of the context only: it is computed once per context. */
  readonly value: (context: CheckContext) => NumericArray;
}

export interface NumericCheckOptions {
  /** The first is the handout's answer; the others are accepted alternatives. */
  readonly references: readonly [NumericReference, ...NumericReference[]];
  readonly rtol?: number;
  readonly atol?: number;
}

/**
 * Compares a number, vector or matrix with references entry by entry (|a − b| ≤ atol + rtol·|b|). A
 * list of n, an n×1 column and a 1×n row are the same vector; other shape differences are reported.
 * Feedback names wrong entries by position and never prints a reference value.
 */
export function numericCheck(options: NumericCheckOptions): Check {
  const rtol = options.rtol ?? 1e-6;
  const atol = options.atol ?? 1e-9;
  const referencesIn = options.references.map((r) => ({
    label: r.label,
    valueIn: perContext(r.value),
  }));
  return {
    kind: "numeric",
    grade(answer, context) {
      const student = readNumeric(answer, "the answer");
      if (!student.ok) return invalid(student.message);
      const references = referencesIn.map((r) => ({ label: r.label, value: r.valueIn(context) }));
      const first = references[0]!.value;
      if (!sameShape(student.value, first)) {
        return graded(0, `expected ${formatShape(first)}, found ${formatShape(student.value)}`);
      }
      for (const reference of references) {
        if (mismatches(student.value, reference.value, rtol, atol).length === 0) {
          return graded(1, reference.label ? `correct (${reference.label})` : "correct");
        }
      }
      const wrong = mismatches(student.value, first, rtol, atol);
      const where = wrong.slice(0, 3).map((i) => describePosition(first, i));
      const more = wrong.length > 3 ? ", …" : "";
      return graded(
        0,
        `${wrong.length} of ${first.data.length} entries differ from the reference: ${where.join(", ")}${more}`,
      );
    },
  };
}

/** Vectors compare by length whatever their orientation; matrices by exact shape. */
function sameShape(a: NumericArray, b: NumericArray): boolean {
  if (isVectorLike(a) && isVectorLike(b)) return a.data.length === b.data.length;
  return a.shape.join("x") === b.shape.join("x");
}

function isVectorLike(a: NumericArray): boolean {
  return a.shape.filter((d) => d !== 1).length <= 1;
}

function mismatches(
  student: NumericArray,
  reference: NumericArray,
  rtol: number,
  atol: number,
): number[] {
  const wrong: number[] = [];
  reference.data.forEach((expected, i) => {
    const actual = student.data[i]!;
    if (!(Math.abs(actual - expected) <= atol + rtol * Math.abs(expected))) wrong.push(i);
  });
  return wrong;
}

function describePosition(shape: NumericArray, index: number): string {
  if (shape.shape.length === 2 && !isVectorLike(shape)) {
    const columns = shape.shape[1]!;
    return `row ${Math.floor(index / columns) + 1}, column ${(index % columns) + 1}`;
  }
  return `entry ${index + 1}`;
}

export function formatShape(a: NumericArray): string {
  if (a.shape.length === 0) return "a number";
  if (isVectorLike(a)) return `a vector of ${a.data.length} entries`;
  return `a ${a.shape.join("×")} matrix`;
}
