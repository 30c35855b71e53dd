import { CostError } from "./errors.js";

/** An exact rational number p/q in lowest terms with q > 0 (bigint, so sums never round). */
export class Rational {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    const n = toBigInt(num, "Rational.of");
    const d = toBigInt(den, "Rational.of");
    if (d === 0n) throw new CostError("Rational.of", "argument", "denominator is zero");
    const g = gcd(n < 0n ? -n : n, d < 0n ? -d : d) || 1n;
    const sign = d < 0n ? -1n : 1n;
    return new Rational((sign * n) / g, (sign * d) / g);
  }

  /** A finite JS number as the decimal it prints as (0.5 → 1/2, 0.1 → 1/10, 1e21 → 10²¹). */
  static fromNumber(value: number, op = "Rational.fromNumber"): Rational {
    if (!Number.isFinite(value)) throw new CostError(op, "argument", `${value} is not finite`);
    if (Number.isInteger(value)) return Rational.of(BigInt(value));
    // Decimal literals like 0.5 or 1.25: read the shortest decimal form, which is what was typed.
    const [mantissa, exponent = "0"] = String(value).split("e");
    const [whole, fraction = ""] = mantissa!.split(".");
    const digits = BigInt(`${whole}${fraction}`.replace("-", ""));
    const shift = fraction.length - Number(exponent);
    const sign = value < 0 ? -1n : 1n;
    return shift >= 0
      ? Rational.of(sign * digits, 10n ** BigInt(shift))
      : Rational.of(sign * digits * 10n ** BigInt(-shift));
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
  add(other: Rational): Rational {
    return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }
  sub(other: Rational): Rational {
    return this.add(other.neg());
  }
  mul(other: Rational): Rational {
    return Rational.of(this.num * other.num, this.den * other.den);
  }
  div(other: Rational): Rational {
    if (other.isZero()) throw new CostError("Rational.div", "argument", "division by zero");
    return Rational.of(this.num * other.den, this.den * other.num);
  }
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }
  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }
  pow(exponent: number): Rational {
    return new Rational(this.num ** BigInt(exponent), this.den ** BigInt(exponent));
  }
  equals(other: Rational): boolean {
    return this.num === other.num && this.den === other.den;
  }
  compare(other: Rational): -1 | 0 | 1 {
    return this.sub(other).sign();
  }
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }
  toString(): string {
    return this.den === 1n ? String(this.num) : `${this.num}/${this.den}`;
  }
}

export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function toBigInt(value: bigint | number, op: string): bigint {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value)) {
    throw new CostError(op, "argument", `${value} is not a safe integer`);
  }
  return BigInt(value);
}
