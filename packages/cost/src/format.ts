import { gcd, Rational } from "@nnkit/math";
import { comparePowers, exponentOf, gcdPowers, type Powers, type Term } from "./monomial.js";

/** What printing reads of a polynomial (a `Polynomial` is one): its terms and variables. */
export interface Printable {
  readonly terms: readonly Term[];
  readonly variables: readonly string[];
}

export interface FormatOptions {
  /** ASCII text: `2*n^2 + n*m` instead of `2n² + nm` (ignored for LaTeX). */
  readonly ascii?: boolean;
  /** Variables in the order they should be written in each monomial; others follow. */
  readonly order?: readonly string[];
}

interface Style extends FormatOptions {
  readonly latex: boolean;
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** `2n² + nm`, `2*n^2 + n*m` or `2n^{2} + nm`; terms by descending degree. */
export function formatPolynomial(p: Printable, style: Style): string {
  return joinTerms(orderedTerms(p, style), orderOf(p, style), needsSeparator(p), style);
}

/**
 * Pulls out the common monomial and rational content when a variable is common to all terms
 * (`2n² + nm` → `n(2n + m)`); otherwise prints the sum unchanged, since `2(nm + n + m)` reads
 * no better than `2nm + 2n + 2m`.
 */
export function formatFactored(p: Printable, style: Style): string {
  const terms = p.terms;
  const common = gcdPowers(terms.map((t) => t.powers));
  if (terms.length < 2 || common.length === 0) return formatPolynomial(p, style);
  const content = contentOf(terms);
  const order = orderOf(p, style);
  const separated = needsSeparator(p);
  const factor = formatTerm({ coef: content, powers: common }, order, separated, style, true);
  const rest = orderedTerms(p, style).map((t) => ({
    coef: t.coef.div(content),
    powers: t.powers
      .map(([name, e]) => [name, e - exponentOf(common, name)] as const)
      .filter(([, e]) => e > 0),
  }));
  const open = style.latex ? "\\left(" : "(";
  const close = style.latex ? "\\right)" : ")";
  const joiner = separated ? multiplySign(style) : "";
  return `${factor}${joiner}${open}${joinTerms(rest, order, separated, style)}${close}`;
}

/** gcd of numerators over lcm of denominators, negative when the first term is. */
export function contentOf(terms: readonly Term[]): Rational {
  let num = 0n;
  let den = 1n;
  for (const { coef } of terms) {
    num = gcd(num, coef.num < 0n ? -coef.num : coef.num);
    den = (den * coef.den) / gcd(den, coef.den);
  }
  const content = Rational.of(num, den);
  return terms[0] && terms[0].coef.sign() < 0 ? content.neg() : content;
}

function orderedTerms(p: Printable, style: Style): Term[] {
  const compare = comparePowers(orderOf(p, style));
  return [...p.terms].sort((a, b) => compare(a.powers, b.powers));
}

function orderOf(p: Printable, style: Style): string[] {
  const preferred = (style.order ?? []).filter((name) => p.variables.includes(name));
  return [...preferred, ...p.variables.filter((name) => !preferred.includes(name))];
}

/** Juxtaposition (`nm`) is only unambiguous when every variable is a single character. */
function needsSeparator(p: Printable): boolean {
  return p.variables.some((name) => [...name].length > 1);
}

function joinTerms(terms: readonly Term[], order: string[], separated: boolean, style: Style) {
  if (terms.length === 0) return "0";
  return terms
    .map((term, i) => {
      const text = formatTerm(
        { coef: term.coef.abs(), powers: term.powers },
        order,
        separated,
        style,
      );
      const negative = term.coef.sign() < 0;
      if (i === 0) return negative ? `-${text}` : text;
      return negative ? ` - ${text}` : ` + ${text}`;
    })
    .join("");
}

/** A term with a non-negative coefficient (the sign is written by the caller). */
function formatTerm(
  term: Term,
  order: readonly string[],
  separated: boolean,
  style: Style,
  asFactor = false,
): string {
  const monomial = formatPowers(term.powers, order, separated, style);
  const { num, den } = term.coef;
  if (monomial === "") return formatNumber(term.coef, style);
  const unit = num === 1n || num === -1n;
  const sign = num < 0n ? "-" : "";
  const times = joinsWithSign(separated, style) ? multiplySign(style) : "";
  const numerator = unit ? `${sign}${monomial}` : `${num}${times}${monomial}`;
  if (den === 1n) return numerator;
  if (style.latex) return `\\frac{${unit ? `${sign}1` : num}}{${den}}${monomial}`;
  return asFactor ? `(${numerator}/${den})` : `${numerator}/${den}`;
}

function formatPowers(
  powers: Powers,
  order: readonly string[],
  separated: boolean,
  style: Style,
): string {
  const sorted = [...powers].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  return sorted
    .map(([name, exponent]) => formatPower(name, exponent, style))
    .join(joinsWithSign(separated, style) ? multiplySign(style) : "");
}

function formatPower(name: string, exponent: number, style: Style): string {
  const base = style.latex && [...name].length > 1 ? `\\mathit{${name}}` : name;
  if (exponent === 1) return base;
  if (style.latex) return `${base}^{${exponent}}`;
  if (style.ascii) return `${base}^${exponent}`;
  return `${base}${[...String(exponent)].map((d) => SUPERSCRIPT[Number(d)]).join("")}`;
}

function formatNumber(value: Rational, style: Style): string {
  if (value.isInteger()) return String(value.num);
  return style.latex ? `\\frac{${value.num}}{${value.den}}` : `${value.num}/${value.den}`;
}

function joinsWithSign(separated: boolean, style: Style): boolean {
  return separated || (style.ascii === true && !style.latex);
}

function multiplySign(style: Style): string {
  if (style.latex) return " \\cdot ";
  return style.ascii ? "*" : "·";
}
