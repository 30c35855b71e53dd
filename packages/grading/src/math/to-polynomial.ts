import { type Polynomial, polynomialFromMath } from "@nnkit/cost";
import { FUNCTION_DISPLAY, type GradingMath } from "./expr.js";
import { MATH_LIMITS } from "./limits.js";

/** A cost formula as an exact polynomial; `bigO` when the student wrote O(…) or Θ(…). */
export type PolynomialResult =
  | { readonly ok: true; readonly polynomial: Polynomial; readonly bigO: boolean }
  | { readonly ok: false; readonly message: string };

/** Bounds for a student's cost: low degree, so `(a+…+z)(a+…+z)(a+…+z)` is refused, not expanded. */
const STUDENT_LIMITS = { maxExponent: MATH_LIMITS.maxExponent, maxTerms: 2000, maxConstant: 1e30 };

/** Converts a parsed cost formula into an exact polynomial in normal form (@nnkit/cost's rules). */
export function toPolynomial(expr: GradingMath): PolynomialResult {
  const bigO = expr.kind === "call" && expr.fn === "bigO";
  const converted = polynomialFromMath(bigO ? expr.argument : expr, {
    ...STUDENT_LIMITS,
    functionNames: FUNCTION_DISPLAY,
    describeCall: (fn) =>
      fn === "bigO" ? "O(…) must enclose the whole answer" : `${fn} is not allowed in a cost`,
  });
  return converted.ok ? { ok: true, polynomial: converted.value, bigO } : converted;
}
