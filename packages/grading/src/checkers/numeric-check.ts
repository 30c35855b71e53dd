import { readNumeric } from "../answers/read-values.js";
import type { NumericArray } from "../math/constant.js";
import { type Check, type CheckContext, DIRECT, graded, invalid } from "./check.js";
import { perContext } from "./per-context.js";

export interface NumericReference {
  /** Shown in feedback when this reference is the one matched, e.g. "errata ½ convention". */
  readonly label?: string;
  /** The convention this reference belongs to; it is not accepted under another. */
  readonly convention?: string;
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
    convention: r.convention,
    valueIn: perContext(r.value),
  }));
  return {
    kind: "numeric",
    grade(answer, context) {
      const student = readNumeric(answer, "the answer");
      if (!student.ok) return invalid(student.message);
      const references = referencesIn
        .filter((r) => belongs(r.convention, context))
        .map((r) => ({ label: r.label, value: r.valueIn(context) }));
      const first = references[0]!.value;
      if (!sameShape(student.value, first)) {
        return graded(0, {
          kind: "wrong-shape",
          expected: first.shape,
          found: student.value.shape,
        });
      }
      for (const reference of references) {
        if (mismatches(student.value, reference.value, rtol, atol).length === 0) {
          return graded(
            1,
            reference.label ? { kind: "correct", accepted: reference.label } : { kind: "correct" },
            { scope: DIRECT },
          );
        }
      }
      const wrong = mismatches(student.value, first, rtol, atol);
      return graded(0, {
        kind: "entries-differ",
        count: wrong.length,
        total: first.data.length,
        positions: wrong.slice(0, 3).map((i) => positionOf(first, i)),
      });
    },
  };
}

/** Whether a reference of `convention` is accepted in the context (untagged ones always are). */
function belongs(convention: string | undefined, context: CheckContext): boolean {
  return (
    convention === undefined ||
    context.convention === undefined ||
    convention === context.convention
  );
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

/** The 1-based [row, column] of a matrix entry, or [entry] of a vector's. */
function positionOf(shape: NumericArray, index: number): number[] {
  if (shape.shape.length === 2 && !isVectorLike(shape)) {
    const columns = shape.shape[1]!;
    return [Math.floor(index / columns) + 1, (index % columns) + 1];
  }
  return [index + 1];
}
