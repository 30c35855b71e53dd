import { Rational } from "@nnkit/math";
import { CostError } from "./errors.js";
import { type FormatOptions, formatFactored, formatPolynomial } from "./format.js";
import {
  checkVariableName,
  comparePowers,
  degreeOf,
  dividePowers,
  exponentOf,
  multiplyPowers,
  multiplySortedPowers,
  type Powers,
  powersKey,
  type Term,
} from "./monomial.js";

export type { Term };

/** One term: coef × Π name^exponent. */

/** A value a variable can take when a polynomial is evaluated. */
export type Scalar = number | bigint | Rational;
/** An assignment of values to variable names. */
export type Point = Readonly<Record<string, Scalar>> | ReadonlyMap<string, Scalar>;

/**
 * A polynomial in named variables with exact rational coefficients, kept in normal form (like
 * terms merged, zero terms dropped), so structural equality is mathematical equality.
 * Immutable. Variables remember the order they first appeared in, which is only used for
 * printing (`nm` rather than `mn` when n came first).
 */
export class Polynomial {
  private constructor(
    private readonly byKey: ReadonlyMap<string, Term>,
    private readonly appearance: readonly string[],
  ) {}

  static readonly ZERO = new Polynomial(new Map(), []);

  static constant(value: Scalar): Polynomial {
    const coef = toRational(value, "constant");
    return Polynomial.normalised([{ coef, powers: [] }], []);
  }

  static variable(name: string): Polynomial {
    checkVariableName(name, "variable");
    return Polynomial.normalised([{ coef: Rational.ONE, powers: [[name, 1]] }], [name]);
  }

  /** Builds a polynomial from terms (like terms are merged). */
  static fromTerms(terms: readonly Term[], variableOrder: readonly string[] = []): Polynomial {
    const checked = terms.map((term) => {
      for (const [name, exponent] of term.powers) {
        checkVariableName(name, "fromTerms");
        if (!Number.isSafeInteger(exponent) || exponent < 0) {
          throw new CostError(
            "fromTerms",
            "argument",
            `exponent ${exponent} of ${name} is invalid`,
          );
        }
      }
      return { coef: term.coef, powers: multiplyPowers([], term.powers) };
    });
    return Polynomial.normalised(checked, variableOrder);
  }

  /** Terms in print order: highest total degree first, then by variable order. */
  get terms(): readonly Term[] {
    const compare = comparePowers(this.variables);
    return [...this.byKey.values()].sort((a, b) => compare(a.powers, b.powers));
  }

  /** Variables that occur, in the order they first appeared. */
  get variables(): readonly string[] {
    const present = new Set<string>();
    for (const term of this.byKey.values()) for (const [name] of term.powers) present.add(name);
    return this.appearance.filter((name) => present.has(name));
  }

  isZero(): boolean {
    return this.byKey.size === 0;
  }

  /** The number of terms (in normal form), without sorting them as `terms` does. */
  termCount(): number {
    return this.byKey.size;
  }

  /**
   * The most variables one term has: with termCount, what a product costs (each pair of terms
   * merges their variables), for a caller that budgets its work before doing it.
   */
  width(): number {
    if (this.widest === undefined) {
      let widest = 0;
      for (const term of this.byKey.values()) widest = Math.max(widest, term.powers.length);
      this.widest = widest;
    }
    return this.widest;
  }

  /** width(), computed on first use (the polynomial itself never changes). */
  private widest: number | undefined;

  /**
   * A text that two polynomials share exactly when they are equal, whatever order their
   * variables appeared in (which `toString` follows): for keying values by polynomial.
   */
  canonicalKey(): string {
    return [...this.byKey]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, term]) => `${term.coef}${key === "" ? "" : `*${key}`}`)
      .join(" + ");
  }

  isConstant(): boolean {
    // Without walking the terms: only the constant monomial has the key "".
    return this.byKey.size === 0 || (this.byKey.size === 1 && this.byKey.has(""));
  }

  /** The constant term (0 when absent). */
  constantTerm(): Rational {
    return this.byKey.get("")?.coef ?? Rational.ZERO;
  }

  /** Total degree; the zero polynomial has degree -Infinity. */
  degree(): number {
    let best = Number.NEGATIVE_INFINITY;
    for (const term of this.byKey.values()) best = Math.max(best, degreeOf(term.powers));
    return best;
  }

  degreeIn(name: string): number {
    let best = this.isZero() ? Number.NEGATIVE_INFINITY : 0;
    for (const term of this.byKey.values()) best = Math.max(best, exponentOf(term.powers, name));
    return best;
  }

  add(other: Polynomial | Scalar): Polynomial {
    const rhs = lift(other, "add");
    const order = this.mergeOrder(rhs);
    // Maps are never changed once made: a sum with 0 shares the other side's terms.
    if (rhs.isZero()) return order === this.appearance ? this : new Polynomial(this.byKey, order);
    if (this.isZero()) return new Polynomial(rhs.byKey, order);
    // This polynomial's terms as they are (already merged), then the other's merged in.
    const byKey = new Map(this.byKey);
    for (const [key, term] of rhs.byKey) addTerm(byKey, key, term.coef, term.powers);
    return new Polynomial(byKey, order);
  }

  sub(other: Polynomial | Scalar): Polynomial {
    return this.add(lift(other, "sub").neg());
  }

  neg(): Polynomial {
    return this.scale(Rational.ONE.neg());
  }

  mul(other: Polynomial | Scalar): Polynomial {
    const rhs = lift(other, "mul");
    // Products merge straight into the result (no list of unmerged terms), keyed as they are
    // made: every variable is already in one side's appearance order.
    const byKey = new Map<string, Term>();
    for (const [keyA, a] of this.byKey) {
      const products = monomialProducts(keyA);
      for (const [keyB, b] of rhs.byKey) {
        let product = products.get(keyB);
        if (product === undefined) {
          const powers = multiplySortedPowers(a.powers, b.powers);
          product = { key: powersKey(powers), powers };
          products.set(keyB, product);
          productsKept++;
        }
        addTerm(byKey, product.key, a.coef.mul(b.coef), product.powers);
      }
    }
    return new Polynomial(byKey, this.mergeOrder(rhs));
  }

  /** this^exponent for a non-negative integer exponent (p⁰ = 1, also for p = 0). */
  pow(exponent: number): Polynomial {
    if (!Number.isSafeInteger(exponent) || exponent < 0) {
      throw new CostError("pow", "argument", `exponent ${exponent} is not a non-negative integer`);
    }
    let result = Polynomial.constant(1);
    for (let i = 0; i < exponent; i++) result = result.mul(this);
    return Polynomial.normalised([...result.byKey.values()], this.appearance);
  }

  /** Division by a nonzero constant (a number, or a polynomial that is a nonzero constant). */
  div(divisor: Polynomial | Scalar): Polynomial {
    const d = lift(divisor, "div");
    if (!d.isConstant()) {
      throw new CostError("div", "argument", `divisor ${d} is not a constant`);
    }
    if (d.isZero()) throw new CostError("div", "argument", "division by zero");
    return this.scale(Rational.ONE.div(d.constantTerm()));
  }

  scale(factor: Rational): Polynomial {
    if (factor.isZero()) return new Polynomial(new Map(), this.appearance);
    if (factor.equals(Rational.ONE)) return this;
    // A nonzero factor keeps every term, and every key.
    const byKey = new Map<string, Term>();
    for (const [key, t] of this.byKey)
      byKey.set(key, { coef: t.coef.mul(factor), powers: t.powers });
    return new Polynomial(byKey, this.appearance);
  }

  /** The exact quotient when `divisor` divides this polynomial, otherwise undefined. */
  divideExact(divisor: Polynomial): Polynomial | undefined {
    if (divisor.isZero()) throw new CostError("divideExact", "argument", "division by zero");
    const lead = lexLeading(divisor);
    let remainder: Polynomial = this;
    let quotient = Polynomial.ZERO;
    while (!remainder.isZero()) {
      const top = lexLeading(remainder);
      const powers = dividePowers(top.powers, lead.powers);
      if (powers === undefined) return undefined;
      const step = Polynomial.normalised(
        [{ coef: top.coef.div(lead.coef), powers }],
        this.appearance,
      );
      quotient = quotient.add(step);
      remainder = remainder.sub(step.mul(divisor));
    }
    return Polynomial.normalised([...quotient.byKey.values()], this.appearance);
  }

  /** Replaces a variable by a polynomial. */
  substitute(name: string, value: Polynomial | Scalar): Polynomial {
    const replacement = lift(value, "substitute");
    let result = Polynomial.ZERO;
    for (const term of this.byKey.values()) {
      const rest = term.powers.filter(([n]) => n !== name);
      const power = exponentOf(term.powers, name);
      const base = Polynomial.normalised([{ coef: term.coef, powers: rest }], this.appearance);
      result = result.add(base.mul(replacement.pow(power)));
    }
    return result;
  }

  equals(other: Polynomial | Scalar): boolean {
    const rhs = lift(other, "equals");
    if (rhs.byKey.size !== this.byKey.size) return false;
    for (const [key, term] of this.byKey) {
      const match = rhs.byKey.get(key);
      if (match === undefined || !match.coef.equals(term.coef)) return false;
    }
    return true;
  }

  /** The exact value at a point; every variable of the polynomial must be given. */
  evaluate(point: Point): Rational {
    const values = readPoint(point, "evaluate");
    let total = Rational.ZERO;
    for (const term of this.byKey.values()) {
      let value = term.coef;
      for (const [name, exponent] of term.powers) {
        const x = values.get(name);
        if (x === undefined) {
          throw new CostError("evaluate", "variable", `no value for variable "${name}" in ${this}`);
        }
        value = value.mul(toRational(x, "evaluate").pow(exponent));
      }
      total = total.add(value);
    }
    return total;
  }

  /** The value at a point as a JS number (exact up to 2^53). */
  evaluateNumber(point: Point): number {
    return this.evaluate(point).toNumber();
  }

  /** Plain text: `2n² + nm` (or `2*n^2 + n*m` with `{ ascii: true }`). */
  toString(options?: FormatOptions): string {
    return formatPolynomial(this, { ...options, latex: false });
  }

  /** LaTeX: `2n^{2} + nm`. */
  toLatex(options?: FormatOptions): string {
    return formatPolynomial(this, { ...options, latex: true });
  }

  /** Factored where that reads better, `n(2n + m)`; otherwise the same as toString(). */
  toFactoredString(options?: FormatOptions): string {
    return formatFactored(this, { ...options, latex: false });
  }

  toFactoredLatex(options?: FormatOptions): string {
    return formatFactored(this, { ...options, latex: true });
  }

  toJSON(): string {
    return this.toString({ ascii: true });
  }

  /**
   * Merges like terms and drops zeros, for terms from outside; add, mul and scale merge into
   * their result directly, their terms' variables being in their operands' appearance already.
   */
  private static normalised(terms: readonly Term[], appearance: readonly string[]): Polynomial {
    const byKey = new Map<string, Term>();
    const order = [...appearance];
    // A set beside the order: products of large polynomials make many terms to walk.
    const known = new Set(order);
    for (const term of terms) {
      for (const [name] of term.powers) {
        if (known.has(name)) continue;
        known.add(name);
        order.push(name);
      }
      addTerm(byKey, powersKey(term.powers), term.coef, term.powers);
    }
    return new Polynomial(byKey, order);
  }

  private mergeOrder(other: Polynomial): readonly string[] {
    if (other.appearance === this.appearance) return this.appearance;
    let order: string[] | undefined;
    for (const name of other.appearance) {
      if (this.appearance.includes(name) || order?.includes(name)) continue;
      order ??= [...this.appearance];
      order.push(name);
    }
    return order ?? this.appearance;
  }
}

/** A monomial with its key. */
interface Monomial {
  readonly key: string;
  readonly powers: Powers;
}

/**
 * Products of monomials already made, by the keys of their factors: exact symbolic work (the
 * grader's proofs) multiplies the same monomials over and over, and a lookup is far cheaper than
 * merging powers and building the product's key again. Bounded: emptied when it grows large.
 */
const PRODUCTS_KEPT = 200_000;
let productsKept = 0;
let productsByKey = new Map<string, Map<string, Monomial>>();

/** The products of the monomial keyed `key` made so far, by the other factor's key. */
function monomialProducts(key: string): Map<string, Monomial> {
  let products = productsByKey.get(key);
  if (products === undefined) {
    if (productsKept >= PRODUCTS_KEPT) {
      productsByKey = new Map();
      productsKept = 0;
    }
    products = new Map();
    productsByKey.set(key, products);
  }
  return products;
}

/** Adds coef·powers (keyed `key`) to terms being merged, dropping a term that cancels to 0. */
function addTerm(byKey: Map<string, Term>, key: string, coef: Rational, powers: Powers): void {
  const previous = byKey.get(key);
  if (previous === undefined) {
    if (!coef.isZero()) byKey.set(key, { coef, powers });
    return;
  }
  const sum = previous.coef.add(coef);
  if (sum.isZero()) byKey.delete(key);
  else byKey.set(key, { coef: sum, powers: previous.powers });
}

/** Leading term in lexicographic order of variable names (for exact division). */
function lexLeading(p: Polynomial): Term {
  const names = [...p.variables].sort();
  return [...p.terms].sort((a, b) => {
    for (const name of names) {
      const diff = exponentOf(b.powers, name) - exponentOf(a.powers, name);
      if (diff !== 0) return diff;
    }
    return 0;
  })[0]!;
}

function lift(value: Polynomial | Scalar, op: string): Polynomial {
  if (value instanceof Polynomial) return value;
  return Polynomial.constant(toRational(value, op));
}

export function toRational(value: Scalar, op: string): Rational {
  if (value instanceof Rational) return value;
  if (typeof value === "bigint") return Rational.of(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new CostError(op, "argument", `${value} is not finite`);
    return Rational.fromNumber(value, op);
  }
  throw new CostError(op, "argument", `${String(value)} is not a number`);
}

function readPoint(point: Point, op: string): ReadonlyMap<string, Scalar> {
  if (point instanceof Map) return point;
  if (point === null || typeof point !== "object") {
    throw new CostError(op, "argument", "a point must be an object of variable values");
  }
  return new Map(Object.entries(point));
}
