import { ThresholdError } from "./errors.js";

/** A weight, bias or input as written by a person: a number, a bigint, or text like "1/2", "-0.25". */
export type Scalar = number | bigint | string | Rational;

function gcd(a: bigint, b: bigint): bigint {
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

/**
 * An exact rational number num/den in lowest terms with den > 0. Threshold units compare
 * pre-activations with interval ends, so evaluation never rounds: 2/5 + … − 7/5 lands exactly on −1.
 */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** num/den reduced to lowest terms; den must not be 0. */
  static of(num: bigint, den = 1n): Rational {
    if (den === 0n)
      throw new ThresholdError("weight", "Rational.of", `zero denominator in ${num}/0`);
    const sign = den < 0n ? -1n : 1n;
    const g = gcd(num, den) || 1n;
    return new Rational((sign * num) / g, (sign * den) / g);
  }

  static integer(n: bigint | number): Rational {
    return new Rational(BigInt(n), 1n);
  }

  add(other: Rational): Rational {
    return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Rational): Rational {
    return Rational.of(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  mul(other: Rational): Rational {
    return Rational.of(this.num * other.num, this.den * other.den);
  }

  /** Negative, zero or positive as this is less than, equal to or greater than other. */
  compare(other: Rational): number {
    const difference = this.num * other.den - other.num * this.den;
    return difference < 0n ? -1 : difference > 0n ? 1 : 0;
  }

  equals(other: Rational): boolean {
    return this.num === other.num && this.den === other.den;
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  /** Nearest double; exact for integers below 2^53 and for dyadic fractions like 1/2. */
  toNumber(): number {
    return this.den === 1n ? Number(this.num) : Number(this.num) / Number(this.den);
  }

  /** "3", "-1/2". */
  toString(): string {
    return this.den === 1n ? `${this.num}` : `${this.num}/${this.den}`;
  }

  /** A safe integer as a number, anything else as its exact text, so JSON keeps the value. */
  toJSON(): number | string {
    const safe = this.den === 1n && this.num <= BigInt(Number.MAX_SAFE_INTEGER);
    return safe && this.num >= -BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(this.num)
      : this.toString();
  }
}

const FRACTION = /^([+-]?\d+)\s*\/\s*(\d+)$/;
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses "3", "-1/2", "0.25", "1e-3" exactly (a decimal means its decimal value, not a double). */
export function parseRational(text: string, where = "parseRational"): Rational {
  const trimmed = text.trim();
  const fraction = FRACTION.exec(trimmed);
  if (fraction) {
    if (BigInt(fraction[2]!) === 0n) {
      throw new ThresholdError("weight", where, `"${text}" has a zero denominator`);
    }
    return Rational.of(BigInt(fraction[1]!), BigInt(fraction[2]!));
  }
  const decimal = DECIMAL.exec(trimmed);
  if (!decimal || `${decimal[2]}${decimal[3] ?? ""}` === "") {
    throw new ThresholdError(
      "weight",
      where,
      `"${text}" is not a number (write an integer, a fraction like "1/2" or a decimal)`,
    );
  }
  const [, sign, whole, fractionDigits = "", exponentText = "0"] = decimal;
  const digits = BigInt(`${whole}${fractionDigits}` || "0") * (sign === "-" ? -1n : 1n);
  const exponent = Number(exponentText) - fractionDigits.length;
  return exponent >= 0
    ? Rational.of(digits * 10n ** BigInt(exponent))
    : Rational.of(digits, 10n ** BigInt(-exponent));
}

/**
 * Reads a scalar exactly. A non-integer JS number is taken at its shortest decimal spelling
 * (0.1 → 1/10, 0.5 → 1/2), which is what the person typed; write "1/3" for exact thirds.
 */
export function toRational(value: Scalar, where = "toRational"): Rational {
  if (value instanceof Rational) return value;
  if (typeof value === "bigint") return Rational.integer(value);
  if (typeof value === "string") return parseRational(value, where);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ThresholdError("weight", where, `${String(value)} is not a finite number`);
  }
  return Number.isInteger(value) ? Rational.integer(value) : parseRational(String(value), where);
}
