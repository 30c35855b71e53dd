import { Rational } from "@nnkit/math";
import { type FormatOptions, formatPolynomial } from "./format.js";
import { degreeOf, dividesPowers } from "./monomial.js";
import { type Point, Polynomial } from "./polynomial.js";

/** The terms of highest total degree, with their coefficients: 2n² + nm + 3n → 2n² + nm. */
export function leadingTerms(p: Polynomial): Polynomial {
  const top = p.degree();
  return Polynomial.fromTerms(
    p.terms.filter((t) => degreeOf(t.powers) === top),
    p.variables,
  );
}

/**
 * The big-O class as a polynomial: the monomials no other monomial of p outgrows (none divides
 * another), each with coefficient 1. n² + nm + 3n + m → n² + nm; 2n + 2m + 2nm → nm; 7 → 1.
 * Sizes are assumed to grow independently, so n² and nm are both kept. Two polynomials have
 * the same growth exactly when their bigO() are equal.
 */
export function bigO(p: Polynomial): Polynomial {
  const powers = p.terms.map((t) => t.powers);
  const dominant = powers.filter(
    (candidate) => !powers.some((other) => other !== candidate && dividesPowers(candidate, other)),
  );
  return Polynomial.fromTerms(
    dominant.map((m) => ({ coef: Rational.ONE, powers: m })),
    p.variables,
  );
}

/** `O(n² + nm)` (text) or `O(n^{2} + nm)` with `latex: true`. */
export function formatBigO(p: Polynomial, options: FormatOptions & { latex?: boolean } = {}) {
  const style = { ...options, latex: options.latex ?? false };
  return `${style.latex ? "\\mathcal{O}" : "O"}(${formatPolynomial(bigO(p), style)})`;
}

/** Whether p and q are in the same big-O class (same dominant monomials). */
export function sameGrowth(p: Polynomial, q: Polynomial): boolean {
  return bigO(p).equals(bigO(q));
}

/** -1, 0 or 1 as p is less than, equal to or greater than q at the point. */
export function compareAt(p: Polynomial, q: Polynomial, point: Point): -1 | 0 | 1 {
  return p.sub(q).evaluate(point).sign();
}
