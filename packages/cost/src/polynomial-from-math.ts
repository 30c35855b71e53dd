import { type FormatOptions, formatMath, type MathNode, Rational } from "@nnkit/math";
import { Polynomial } from "./polynomial.js";

/** A formula as an exact polynomial, or why it is none (in words for the person who wrote it). */
export type FromMathResult =
  | { readonly ok: true; readonly value: Polynomial }
  | { readonly ok: false; readonly message: string };

/** Bounds that keep hostile formulas cheap: `(a+…+z)^12` or `10^12^12` is refused, not expanded. */
export interface FromMathLimits {
  /** Largest exponent and largest degree of a result (default 64). */
  readonly maxExponent?: number;
  /** Most terms a product may have (default 10 000). */
  readonly maxTerms?: number;
  /** Largest magnitude of a constant raised to a power (default 1e30). */
  readonly maxConstant?: number;
}

export interface FromMathOptions extends FromMathLimits, FormatOptions {
  /** The message for a function call, which a polynomial cannot hold; default "f is not allowed". */
  readonly describeCall?: (fn: string) => string;
}

/**
 * Converts a parsed formula (@nnkit/math's {@link MathNode}) into an exact polynomial in normal
 * form: numbers (read exactly from their digits), symbols, `+ − ·`, division by a non-zero
 * constant and whole powers. Elementwise operators, matrices, transposes, comparisons and calls
 * are refused with a message naming the piece.
 */
export function polynomialFromMath(node: MathNode, options: FromMathOptions = {}): FromMathResult {
  return new Converter(options).convert(node);
}

class Converter {
  readonly #maxExponent: number;
  readonly #maxTerms: number;
  readonly #maxConstant: number;

  constructor(private readonly options: FromMathOptions) {
    this.#maxExponent = options.maxExponent ?? 64;
    this.#maxTerms = options.maxTerms ?? 10_000;
    this.#maxConstant = options.maxConstant ?? 1e30;
  }

  convert(node: MathNode): FromMathResult {
    switch (node.kind) {
      case "number":
        return { ok: true, value: Polynomial.constant(Rational.parse(node.text)) };
      case "symbol":
        return { ok: true, value: Polynomial.variable(node.name) };
      case "negate": {
        const operand = this.convert(node.operand);
        return operand.ok ? { ok: true, value: operand.value.neg() } : operand;
      }
      case "binary":
        return this.#binary(node);
      case "call":
        return {
          ok: false,
          message: this.options.describeCall?.(node.fn) ?? `${node.fn} is not allowed in a cost`,
        };
      default:
        return { ok: false, message: `'${this.#format(node)}' is not a polynomial cost` };
    }
  }

  #binary(node: Extract<MathNode, { kind: "binary" }>): FromMathResult {
    const left = this.convert(node.left);
    if (!left.ok) return left;
    const right = this.convert(node.right);
    if (!right.ok) return right;
    const [a, b] = [left.value, right.value];
    switch (node.op) {
      case "add":
        return { ok: true, value: a.add(b) };
      case "subtract":
        return { ok: true, value: a.sub(b) };
      case "product":
        if (
          a.terms.length * b.terms.length > this.#maxTerms ||
          a.degree() + b.degree() > this.#maxExponent
        ) {
          return { ok: false, message: `'${this.#format(node)}' is too large to expand` };
        }
        return { ok: true, value: a.mul(b) };
      case "divide":
        if (!b.isConstant() || b.isZero()) {
          return {
            ok: false,
            message: `can only divide by a non-zero number, not by ${this.#format(node.right)}`,
          };
        }
        return { ok: true, value: a.div(b.constantTerm()) };
      case "power":
        return this.#power(a, b, node);
      default:
        return { ok: false, message: `'${this.#format(node)}' uses an elementwise operator` };
    }
  }

  #power(base: Polynomial, exponent: Polynomial, node: MathNode): FromMathResult {
    const k = exponent.isConstant() ? exponent.constantTerm() : undefined;
    if (k === undefined || !k.isInteger() || k.sign() < 0) {
      return {
        ok: false,
        message: `the exponent in '${this.#format(node)}' must be a whole number`,
      };
    }
    const value = k.toNumber();
    if (value > this.#maxExponent) {
      return {
        ok: false,
        message: `the exponent ${value} is too large (at most ${this.#maxExponent})`,
      };
    }
    if (
      base.isConstant() &&
      Math.abs(base.constantTerm().toNumber()) ** value > this.#maxConstant
    ) {
      return { ok: false, message: `the number '${this.#format(node)}' is too large` };
    }
    const degree = base.degree() * value;
    if (
      degree > this.#maxExponent ||
      monomialsUpTo(degree, base.variables.length, this.#maxTerms) > this.#maxTerms
    ) {
      return { ok: false, message: `'${this.#format(node)}' is too large to expand` };
    }
    return { ok: true, value: base.pow(value) };
  }

  #format(node: MathNode): string {
    return formatMath(node, this.options);
  }
}

/** How many monomials of degree ≤ d there are in v variables: C(d + v, v), capped above `cap`. */
function monomialsUpTo(d: number, v: number, cap: number): number {
  let count = 1;
  for (let k = 1; k <= v && count <= cap; k++) count = (count * (d + k)) / k;
  return count;
}
