import { Polynomial } from "@nnkit/cost";
import { type Expr, formatExpr } from "./expr.js";
import { MATH_LIMITS } from "./limits.js";

/** A cost formula as an exact polynomial; `bigO` when the student wrote O(…) or Θ(…). */
export type PolynomialResult =
  | { readonly ok: true; readonly polynomial: Polynomial; readonly bigO: boolean }
  | { readonly ok: false; readonly message: string };

/** Terms a product may have, so `(a+…+z)(a+…+z)(a+…+z)…` is refused rather than expanded. */
const MAX_TERMS = 2000;
/** Largest magnitude of a constant, so `10^12^12^12` is refused rather than computed. */
const MAX_CONSTANT = 1e30;

/** Converts a parsed cost formula into an exact polynomial in normal form. */
export function toPolynomial(expr: Expr): PolynomialResult {
  if (expr.kind === "call" && expr.fn === "bigO") {
    const inner = convert(expr.argument);
    return inner.ok ? { ok: true, polynomial: inner.value, bigO: true } : inner;
  }
  const converted = convert(expr);
  return converted.ok ? { ok: true, polynomial: converted.value, bigO: false } : converted;
}

type Converted = { ok: true; value: Polynomial } | { ok: false; message: string };

function convert(expr: Expr): Converted {
  switch (expr.kind) {
    case "number":
      return { ok: true, value: Polynomial.constant(expr.value) };
    case "symbol":
      return { ok: true, value: Polynomial.variable(expr.name) };
    case "negate":
      return map(convert(expr.operand), (p) => p.neg());
    case "binary":
      return binary(expr);
    case "call":
      return {
        ok: false,
        message:
          expr.fn === "bigO"
            ? "O(…) must enclose the whole answer"
            : `${expr.fn} is not allowed in a cost`,
      };
    default:
      return { ok: false, message: `'${formatExpr(expr)}' is not a polynomial cost` };
  }
}

function map(result: Converted, f: (p: Polynomial) => Polynomial): Converted {
  return result.ok ? { ok: true, value: f(result.value) } : result;
}

function binary(expr: Extract<Expr, { kind: "binary" }>): Converted {
  const left = convert(expr.left);
  if (!left.ok) return left;
  const right = convert(expr.right);
  if (!right.ok) return right;
  const [a, b] = [left.value, right.value];
  switch (expr.op) {
    case "add":
      return { ok: true, value: a.add(b) };
    case "subtract":
      return { ok: true, value: a.sub(b) };
    case "product":
      if (
        a.terms.length * b.terms.length > MAX_TERMS ||
        a.degree() + b.degree() > MATH_LIMITS.maxExponent
      ) {
        return { ok: false, message: `'${formatExpr(expr)}' is too large to expand` };
      }
      return { ok: true, value: a.mul(b) };
    case "divide":
      if (!b.isConstant() || b.isZero()) {
        return {
          ok: false,
          message: `can only divide by a non-zero number, not by ${formatExpr(expr.right)}`,
        };
      }
      return { ok: true, value: a.div(b.constantTerm()) };
    case "power":
      return power(a, b, expr);
    default:
      return { ok: false, message: `'${formatExpr(expr)}' uses an elementwise operator` };
  }
}

function power(base: Polynomial, exponent: Polynomial, expr: Expr): Converted {
  const k = exponent.isConstant() ? exponent.constantTerm() : undefined;
  if (k === undefined || !k.isInteger() || k.sign() < 0) {
    return { ok: false, message: `the exponent in '${formatExpr(expr)}' must be a whole number` };
  }
  const value = k.toNumber();
  if (value > MATH_LIMITS.maxExponent) {
    return {
      ok: false,
      message: `the exponent ${value} is too large (at most ${MATH_LIMITS.maxExponent})`,
    };
  }
  if (base.isConstant() && Math.abs(base.constantTerm().toNumber()) ** value > MAX_CONSTANT) {
    return { ok: false, message: `the number '${formatExpr(expr)}' is too large` };
  }
  const degree = base.degree() * value;
  if (
    degree > MATH_LIMITS.maxExponent ||
    monomialsUpTo(degree, base.variables.length) > MAX_TERMS
  ) {
    return { ok: false, message: `'${formatExpr(expr)}' is too large to expand` };
  }
  return { ok: true, value: base.pow(value) };
}

/** How many monomials of degree ≤ d there are in v variables: C(d + v, v), capped above MAX_TERMS. */
function monomialsUpTo(d: number, v: number): number {
  let count = 1;
  for (let k = 1; k <= v && count <= MAX_TERMS; k++) count = (count * (d + k)) / k;
  return count;
}
