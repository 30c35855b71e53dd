import { formatBigO, type Polynomial, sameGrowth } from "@nnkit/cost";
import { readText } from "../answers/read-values.js";
import { parseMath } from "../math/parse-math.js";
import { toPolynomial } from "../math/to-polynomial.js";
import { type Check, type CheckContext, DIRECT, graded, invalid, invalidMath } from "./check.js";
import { crossCheckPolynomial } from "./cross-check.js";
import type { Hint } from "./outcome.js";
import { perContext } from "./per-context.js";

export interface CostCheckOptions {
  /** Sizes the formula may use, e.g. ["n"] or ["m", "n"]. */
  readonly symbols: readonly string[];
  /**
   * Exact counts accepted with full credit (one per accepted convention); the first is the handout's.
   * A function of the context only: it is computed once per context.
   */
  readonly accepted: (context: CheckContext) => readonly [Polynomial, ...Polynomial[]];
  /** Whether the question allows a big-O answer; if not, a right O(…) earns `bigOCredit`. */
  readonly allowBigO: boolean;
  /** Credit for an O(…) answer of the right class when big-O is not allowed. */
  readonly bigOCredit?: number;
  /** Credit for an exact formula of the right growth that no accepted count equals. */
  readonly sameGrowthCredit?: number;
  /**
   * Exact counts that are not accepted but that a student may have computed instead: another
   * evaluation order's, another memory convention's. Feedback names the one matched; the
   * credit is what the count would earn anyway.
   */
  readonly recognized?: (context: CheckContext) => readonly RecognizedCount[];
}

/** A count of something other than what the question asks, and what it is the count of. */
export interface RecognizedCount {
  readonly count: Polynomial;
  readonly hint: Hint;
}

/**
 * Grades a cost formula, PrairieLearn-style: an accepted exact count is full credit; a big-O answer
 * of the right class is full credit where big-O is allowed and `bigOCredit` otherwise; the right
 * growth with wrong constants or lower-order terms earns `sameGrowthCredit`. Equality is decided on
 * exact polynomial normal forms.
 */
export function costCheck(options: CostCheckOptions): Check {
  const bigOCredit = options.bigOCredit ?? 0.5;
  const sameGrowthCredit = options.sameGrowthCredit ?? 0.5;
  const acceptedIn = perContext(options.accepted);
  const recognizedIn = perContext((context) => options.recognized?.(context) ?? []);
  return {
    kind: "cost",
    grade(answer, context) {
      const text = readText(answer, "the answer");
      if (!text.ok) return invalid(text.message);
      const parsed = parseMath(text.value, { symbols: options.symbols, kind: "formula" });
      if (!parsed.ok) return invalidMath(parsed.error);
      const student = toPolynomial(parsed.expr);
      if (!student.ok) return invalid(student.message);
      const accepted = acceptedIn(context);
      const reference = accepted[0];
      const growth = formatBigO(student.polynomial);
      if (student.bigO) {
        if (!sameGrowth(student.polynomial, reference))
          return graded(0, { kind: "growth-wrong", growth });
        return options.allowBigO
          ? graded(1, { kind: "correct", growth }, { scope: DIRECT })
          : graded(bigOCredit, { kind: "growth-only", growth });
      }
      crossCheckPolynomial(parsed.expr, student.polynomial, options.symbols, context.seed);
      if (accepted.some((p) => p.equals(student.polynomial)))
        return graded(1, { kind: "correct" }, { scope: DIRECT });
      const credit = sameGrowth(student.polynomial, reference) ? sameGrowthCredit : 0;
      const other = recognizedIn(context).find((r) => r.count.equals(student.polynomial));
      if (other !== undefined) {
        return graded(
          credit,
          { kind: "other-count", count: student.polynomial.toString() },
          { hint: other.hint },
        );
      }
      if (sameGrowth(student.polynomial, reference)) {
        return graded(sameGrowthCredit, { kind: "constants-wrong", growth });
      }
      return graded(0, {
        kind: "growth-wrong",
        growth,
        count: student.polynomial.toString(),
      });
    },
  };
}
