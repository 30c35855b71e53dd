import type { Polynomial } from "@nnkit/cost";
import { readText } from "../answers/read-values.js";
import { parseMath } from "../math/parse-math.js";
import { toPolynomial } from "../math/to-polynomial.js";
import { type Check, type CheckContext, DIRECT, graded, invalid, invalidMath } from "./check.js";

export interface SolutionSetCheckOptions {
  readonly symbols: readonly string[];
  /** The reference solution set is where this polynomial is zero. */
  readonly zeroOf: (context: CheckContext) => Polynomial;
}

/**
 * Compares an equation with the reference as solution sets: `w1 + w2 = 3`, `w2 = 3 − w1` and
 * `2w1 + 2w2 − 6 = 0` are the same line. Two equations p = 0 and q = 0 of degree one describe the
 * same set exactly when p is a non-zero multiple of q.
 */
export function solutionSetCheck(options: SolutionSetCheckOptions): Check {
  return {
    kind: "solution-set",
    grade(answer, context) {
      const text = readText(answer, "the answer");
      if (!text.ok) return invalid(text.message);
      const parsed = parseMath(text.value, { symbols: options.symbols, kind: "condition" });
      if (!parsed.ok) return invalidMath(parsed.error);
      if (parsed.expr.kind !== "compare" || parsed.expr.op !== "=") {
        return invalid("expected an equation such as w1 + w2 = 3");
      }
      const left = toPolynomial(parsed.expr.left);
      const right = toPolynomial(parsed.expr.right);
      if (!left.ok) return invalid(left.message);
      if (!right.ok) return invalid(right.message);
      const student = left.polynomial.sub(right.polynomial);
      const reference = options.zeroOf(context);
      if (student.degree() > 1) return graded(0, { kind: "not-a-line" });
      return isMultiple(student, reference)
        ? graded(1, { kind: "correct" }, { scope: DIRECT })
        : graded(0, { kind: "other-solutions" });
    },
  };
}

/** Whether p = c·q for some non-zero number c. */
function isMultiple(p: Polynomial, q: Polynomial): boolean {
  const pivot = q.terms[0];
  if (pivot === undefined || p.isZero()) return false;
  const matching = p.terms.find((t) => JSON.stringify(t.powers) === JSON.stringify(pivot.powers));
  if (matching === undefined) return false;
  return p.equals(q.scale(matching.coef.div(pivot.coef)));
}
