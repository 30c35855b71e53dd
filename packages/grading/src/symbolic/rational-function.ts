import { Polynomial } from "@nnkit/cost";
import { Rational } from "@nnkit/math";

/**
 * Limits on a symbolic evaluation of untrusted text: terms per polynomial, products, the work of
 * one comparison, and a wall-clock guard. The work is counted, so where it runs out is the same on
 * any machine under any load; the clock only bounds what counting misses (huge coefficients).
 */
export interface SymbolicBudget {
  readonly maxTerms: number;
  /** Term products one multiplication may make (terms of one side × terms of the other). */
  readonly maxProducts: number;
  /** Term operations one evaluation may make in all (term products, terms added); set anew for each. */
  maxWork: number;
  /** The work done so far; set to 0 for each answer judged. */
  work: number;
  /** `Date.now()` after which the evaluation gives up; set anew for each answer judged. */
  deadline: number;
}

/** Options of a budget (see {@link SymbolicBudget}); `timeMs` is the wall-clock guard. */
export interface BudgetOptions {
  readonly maxTerms?: number;
  readonly maxProducts?: number;
  readonly maxWork?: number;
  readonly timeMs?: number;
}

/**
 * Work one comparison may do, counted in term operations (a product of p by q terms of at most
 * w₁ and w₂ variables each costs p·q·(1 + w₁ + w₂); a sum, its terms): hw1's correct answers take
 * at most about 4·10⁵ (3.2's ŵ, 2.1.2's chain), ten times less; a few million operations are a
 * second or two of exact arithmetic, so hostile text is stopped within that.
 */
export const DEFAULT_MAX_WORK = 4_000_000;

/** Why a symbolic evaluation stopped: what it cannot express, or a budget that ran out. */
export class SymbolicLimit extends Error {
  constructor(
    message: string,
    readonly reason: "unsupported" | "budget",
    /** The wall-clock guard stopped it (the one limit that depends on the machine's load). */
    readonly clock = false,
  ) {
    super(message);
  }
}

export function budget(options: BudgetOptions = {}): SymbolicBudget {
  return {
    maxTerms: options.maxTerms ?? 20_000,
    maxProducts: options.maxProducts ?? 400_000,
    maxWork: options.maxWork ?? DEFAULT_MAX_WORK,
    work: 0,
    deadline: Date.now() + (options.timeMs ?? 6000),
  };
}

/**
 * A quotient of polynomials with exact coefficients, kept without cancelling common factors
 * (equality is p₁q₂ = p₂q₁): every operation checks the budget, as the terms come from a student.
 */
export class RationalFunction {
  private constructor(
    readonly num: Polynomial,
    readonly den: Polynomial,
    private readonly limits: SymbolicBudget,
  ) {}

  static of(num: Polynomial, den: Polynomial, limits: SymbolicBudget): RationalFunction {
    if (den.isZero()) throw new SymbolicLimit("a denominator is 0 everywhere", "unsupported");
    return new RationalFunction(num, den, limits).checked();
  }

  static constant(value: Rational, limits: SymbolicBudget): RationalFunction {
    return new RationalFunction(Polynomial.constant(value), Polynomial.constant(1), limits);
  }

  static variable(name: string, limits: SymbolicBudget): RationalFunction {
    return new RationalFunction(Polynomial.variable(name), Polynomial.constant(1), limits);
  }

  isZero(): boolean {
    return this.num.isZero();
  }

  /** The value when it is a constant (a polynomial denominator that is a constant too). */
  constantValue(): Rational | undefined {
    if (!this.num.isConstant() || !this.den.isConstant()) return undefined;
    return this.num.constantTerm().div(this.den.constantTerm());
  }

  add(other: RationalFunction): RationalFunction {
    if (this.den.equals(other.den)) return this.with(this.sum(this.num, other.num), this.den);
    return this.with(
      this.sum(this.product(this.num, other.den), this.product(other.num, this.den)),
      this.product(this.den, other.den),
    );
  }

  neg(): RationalFunction {
    return new RationalFunction(this.num.neg(), this.den, this.limits);
  }

  sub(other: RationalFunction): RationalFunction {
    return this.add(other.neg());
  }

  mul(other: RationalFunction): RationalFunction {
    return this.with(this.product(this.num, other.num), this.product(this.den, other.den));
  }

  /** this / other; dividing by a function that is 0 everywhere is refused. */
  div(other: RationalFunction): RationalFunction {
    if (other.isZero()) throw new SymbolicLimit("a division by 0", "unsupported");
    return this.with(this.product(this.num, other.den), this.product(this.den, other.num));
  }

  pow(exponent: number): RationalFunction {
    if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 8) {
      throw new SymbolicLimit(`the exponent ${exponent} (a whole number up to 8)`, "unsupported");
    }
    let result = RationalFunction.constant(Rational.ONE, this.limits);
    for (let i = 0; i < Math.abs(exponent); i++) result = result.mul(this);
    return exponent < 0 ? RationalFunction.constant(Rational.ONE, this.limits).div(result) : result;
  }

  /** Equal as functions wherever both are defined: p₁q₂ = p₂q₁. */
  equals(other: RationalFunction): boolean {
    if (this.den.equals(other.den)) return this.num.equals(other.num);
    return this.product(this.num, other.den).equals(this.product(other.num, this.den));
  }

  /** A text shared by equal quotients written alike (the denominator scaled to lead with 1). */
  key(): string {
    const lead = this.den.terms[0]?.coef ?? Rational.ONE;
    const scale = Rational.ONE.div(lead);
    return `${this.num.scale(scale).canonicalKey()} / ${this.den.scale(scale).canonicalKey()}`;
  }

  private with(num: Polynomial, den: Polynomial): RationalFunction {
    if (den.isZero()) throw new SymbolicLimit("a denominator is 0 everywhere", "unsupported");
    // 0/q is 0/1, and q/q is 1: the two cheap cancellations keep denominators from growing.
    if (num.isZero()) return new RationalFunction(num, Polynomial.constant(1), this.limits);
    if (num.equals(den))
      return new RationalFunction(Polynomial.constant(1), Polynomial.constant(1), this.limits);
    return new RationalFunction(num, den, this.limits).checked();
  }

  private product(a: Polynomial, b: Polynomial): Polynomial {
    const products = a.termCount() * b.termCount();
    if (products > this.limits.maxProducts) {
      throw new SymbolicLimit(
        `a product of ${a.termCount()} by ${b.termCount()} terms is over the budget`,
        "budget",
      );
    }
    // Counted before the work is done, so a product that would overrun is never computed: each
    // pair of terms merges their variables, so a pair of wide terms costs more.
    this.spend(products * (1 + a.width() + b.width()));
    if (b.isConstant()) return a.scale(b.constantTerm());
    if (a.isConstant()) return b.scale(a.constantTerm());
    return a.mul(b);
  }

  private sum(a: Polynomial, b: Polynomial): Polynomial {
    this.spend(a.termCount() + b.termCount());
    return a.add(b);
  }

  private spend(work: number): void {
    const limits = this.limits;
    limits.work += work;
    if (limits.work > limits.maxWork) {
      throw new SymbolicLimit(`more than ${limits.maxWork} term operations`, "budget");
    }
  }

  private checked(): RationalFunction {
    if (Date.now() > this.limits.deadline) {
      throw new SymbolicLimit("the time budget", "budget", true);
    }
    const terms = this.num.termCount() + this.den.termCount();
    if (terms > this.limits.maxTerms) {
      throw new SymbolicLimit(
        `${terms} terms, over the budget of ${this.limits.maxTerms}`,
        "budget",
      );
    }
    return this;
  }
}
