import { RationalError } from "./errors.js";

/** A number as a person writes it: a JS number, a bigint, text like "1/2" or "-0.25", or a Rational. */
export type Scalar = number | bigint | string | Rational;

/**
 * Largest |exponent| of a decimal such as "1e-300": its rational has a 300-digit denominator, but
 * "1e999999999" would make every later operation crawl, so it is refused.
 */
export const MAX_DECIMAL_EXPONENT = 400;
/** Most digits in the text of one number; longer text is refused before any bigint is made. */
export const MAX_DIGITS = 1000;
/** Most bits of a power's numerator or denominator (`pow` refuses results beyond, before computing). */
export const MAX_POWER_BITS = 100_000;

/**
 * An exact rational number num/den in lowest terms with den > 0 (bigint, so sums never round):
 * threshold units compare pre-activations with interval ends, and cost polynomials add counts,
 * without a rounding slip ever turning 2/5·6 − 7/5 into 1.0000000000000004.
 */
export class Rational {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** num/den reduced to lowest terms; numbers must be safe integers and den must not be 0. */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    const n = toBigInt(num, "Rational.of");
    const d = toBigInt(den, "Rational.of");
    if (d === 0n)
      throw new RationalError("Rational.of", "zero-denominator", `zero denominator in ${n}/0`);
    const g = gcd(n, d) || 1n;
    const sign = d < 0n ? -1n : 1n;
    return new Rational((sign * n) / g, (sign * d) / g);
  }

  static integer(n: bigint | number): Rational {
    return new Rational(toBigInt(n, "Rational.integer"), 1n);
  }

  /** A finite JS number as the decimal it prints as (0.5 → 1/2, 0.1 → 1/10, 1e21 → 10²¹). */
  static fromNumber(value: number, where = "Rational.fromNumber"): Rational {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new RationalError(where, "not-finite", `${String(value)} is not a finite number`);
    }
    // An integer is exact as a double already; anything else is read at its printed decimal.
    return Number.isInteger(value)
      ? new Rational(BigInt(value), 1n)
      : Rational.parse(String(value), where);
  }

  /**
   * Reads "3", "-1/2", " 4 / 6 ", "0.25", "1e-300" exactly: a decimal means its decimal value, not
   * the nearest double. Exponents beyond ±{@link MAX_DECIMAL_EXPONENT} are refused.
   */
  static parse(text: string, where = "Rational.parse"): Rational {
    const trimmed = text.trim();
    if (trimmed.length > MAX_DIGITS) {
      throw new RationalError(where, "too-large", `a number longer than ${MAX_DIGITS} characters`);
    }
    const fraction = FRACTION.exec(trimmed);
    if (fraction) {
      const den = BigInt(fraction[2]!);
      if (den === 0n)
        throw new RationalError(where, "zero-denominator", `"${text}" has a zero denominator`);
      return Rational.of(BigInt(fraction[1]!), den);
    }
    const decimal = DECIMAL.exec(trimmed);
    if (!decimal || `${decimal[2]}${decimal[3] ?? ""}` === "") {
      throw new RationalError(
        where,
        "not-a-number",
        `"${text}" is not a number (write an integer, a fraction like "1/2" or a decimal)`,
      );
    }
    const [, sign, whole, fractionDigits = "", exponentText = "0"] = decimal;
    const written = Number(exponentText);
    if (Math.abs(written) > MAX_DECIMAL_EXPONENT) {
      throw new RationalError(
        where,
        "too-large",
        `"${text}" has an exponent beyond ±${MAX_DECIMAL_EXPONENT}`,
      );
    }
    const digits = BigInt(`${whole}${fractionDigits}` || "0") * (sign === "-" ? -1n : 1n);
    const exponent = written - fractionDigits.length;
    return exponent >= 0
      ? Rational.of(digits * 10n ** BigInt(exponent))
      : Rational.of(digits, 10n ** BigInt(-exponent));
  }

  /**
   * Reads any {@link Scalar} exactly. A non-integer JS number is taken at its shortest decimal
   * spelling (0.1 → 1/10), which is what the person typed; write "1/3" for exact thirds.
   */
  static from(value: Scalar, where = "Rational.from"): Rational {
    if (value instanceof Rational) return value;
    if (typeof value === "bigint") return Rational.integer(value);
    if (typeof value === "string") return Rational.parse(value, where);
    return Rational.fromNumber(value, where);
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  // Integers (most coefficients of exact polynomials) skip the gcd, which dominates otherwise.
  add(other: Rational): Rational {
    if (this.den === 1n && other.den === 1n) return new Rational(this.num + other.num, 1n);
    return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Rational): Rational {
    if (this.den === 1n && other.den === 1n) return new Rational(this.num - other.num, 1n);
    return Rational.of(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  mul(other: Rational): Rational {
    if (this.den === 1n && other.den === 1n) return new Rational(this.num * other.num, 1n);
    return Rational.of(this.num * other.num, this.den * other.den);
  }

  div(other: Rational): Rational {
    if (other.isZero())
      throw new RationalError("Rational.div", "zero-denominator", "division by zero");
    return Rational.of(this.num * other.den, this.den * other.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  /** this^exponent for an integer exponent (negative inverts); refuses results of huge size. */
  pow(exponent: number): Rational {
    if (!Number.isSafeInteger(exponent)) {
      throw new RationalError(
        "Rational.pow",
        "not-finite",
        `the exponent ${exponent} is not an integer`,
      );
    }
    if (exponent < 0) return Rational.ONE.div(this).pow(-exponent);
    const bits = Math.max(bitLength(this.num), bitLength(this.den)) * exponent;
    if (bits > MAX_POWER_BITS) {
      throw new RationalError(
        "Rational.pow",
        "too-large",
        `${this}^${exponent} would have about ${bits} bits (at most ${MAX_POWER_BITS})`,
      );
    }
    const e = BigInt(exponent);
    return new Rational(this.num ** e, this.den ** e);
  }

  equals(other: Rational): boolean {
    return this.num === other.num && this.den === other.den;
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than other. */
  compare(other: Rational): -1 | 0 | 1 {
    const difference = this.num * other.den - other.num * this.den;
    return difference < 0n ? -1 : difference > 0n ? 1 : 0;
  }

  /**
   * Nearest double (within rounding); exact for integers below 2^53 and dyadic fractions like 1/2,
   * and finite for 1/10^300 although 10^300 alone nearly overflows.
   */
  toNumber(): number {
    if (this.den === 1n) return Number(this.num);
    const numBits = bitLength(this.num);
    const denBits = bitLength(this.den);
    if (numBits <= 1023 && denBits <= 1023) return Number(this.num) / Number(this.den);
    // Beyond a double's range: a 64-bit quotient scaled by a power of two.
    const e = numBits - denBits - 64;
    const q = e >= 0 ? this.num / (this.den << BigInt(e)) : (this.num << BigInt(-e)) / this.den;
    const half = Math.trunc(e / 2);
    return Number(q) * 2 ** half * 2 ** (e - half);
  }

  /** "3", "-1/2". */
  toString(): string {
    return this.den === 1n ? `${this.num}` : `${this.num}/${this.den}`;
  }

  /** A safe integer as a number, anything else as its exact text, so JSON keeps the value. */
  toJSON(): number | string {
    const limit = BigInt(Number.MAX_SAFE_INTEGER);
    return this.den === 1n && this.num <= limit && this.num >= -limit
      ? Number(this.num)
      : this.toString();
  }
}

const FRACTION = /^([+-]?\d+)\s*\/\s*(\d+)$/;
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Greatest common divisor, ≥ 0 (gcd(0, 0) = 0). */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Least common multiple of positive integers. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** Largest integer ≤ n/d for d > 0 (bigint division truncates toward zero). */
export function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}

/** Smallest integer ≥ n/d for d > 0. */
export function ceilDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n > 0n ? q + 1n : q;
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : (n < 0n ? -n : n).toString(16).length * 4;
}

function toBigInt(value: bigint | number, where: string): bigint {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value)) {
    throw new RationalError(where, "not-finite", `${value} is not a safe integer`);
  }
  return BigInt(value);
}
