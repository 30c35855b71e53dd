import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RationalError } from "./errors.js";
import { ceilDiv, floorDiv, gcd, lcm, MAX_DECIMAL_EXPONENT, Rational } from "./rational.js";

// Small enough that a·d − c·b is exact in doubles, the independent reference.
const small = fc.integer({ min: -1_000_000, max: 1_000_000 });
const positive = fc.integer({ min: 1, max: 1_000_000 });

function thrown(f: () => unknown): RationalError {
  try {
    f();
  } catch (error) {
    if (error instanceof RationalError) return error;
    throw error;
  }
  throw new Error("expected a RationalError");
}

describe("Rational", () => {
  it("reduces to lowest terms with a positive denominator, from bigints or numbers", () => {
    for (const r of [Rational.of(6n, -4n), Rational.of(6, -4)]) {
      expect([r.num, r.den]).toEqual([-3n, 2n]);
      expect(r.toString()).toBe("-3/2");
    }
  });

  it("adds, subtracts, multiplies and divides exactly where doubles round", () => {
    // In doubles 6 * 0.4 - 1.4 = 1.0000000000000004; exactly it is 1.
    expect(6 * 0.4 - 1.4).toBeGreaterThan(1);
    const sum = Rational.of(2n, 5n).mul(Rational.integer(6)).sub(Rational.of(7n, 5n));
    expect(sum.equals(Rational.ONE)).toBe(true);
    const third = Rational.of(1, 3);
    const sixth = Rational.of(1, 6);
    expect(third.add(sixth).toString()).toBe("1/2");
    expect(third.mul(sixth).toString()).toBe("1/18");
    expect(third.div(sixth).toString()).toBe("2");
    expect(third.sub(third).isZero()).toBe(true);
    expect(Rational.of(-3, 4).abs().toString()).toBe("3/4");
    expect(Rational.of(-3, 4).sign()).toBe(-1);
  });

  it("compares like the real numbers (property)", () => {
    fc.assert(
      fc.property(small, positive, small, positive, (a, b, c, d) => {
        const left = Rational.of(BigInt(a), BigInt(b));
        const right = Rational.of(BigInt(c), BigInt(d));
        expect(left.compare(right)).toBe(Math.sign(a * d - c * b) || 0);
        expect(left.sub(right).sign()).toBe(Math.sign(a * d - c * b) || 0);
      }),
      { numRuns: 200 },
    );
  });

  it("raises to integer powers, negative ones inverting", () => {
    expect(Rational.of(2, 3).pow(3).toString()).toBe("8/27");
    expect(Rational.of(2, 3).pow(-2).toString()).toBe("9/4");
    expect(Rational.of(5).pow(0).toString()).toBe("1");
  });

  it("refuses a power whose size would explode, before computing it", () => {
    const error = thrown(() => Rational.of(10).pow(1_000_000));
    expect(error.code).toBe("too-large");
    expect(() => Rational.of(2).pow(0.5)).toThrow(
      expect.objectContaining({
        code: "not-finite",
        message: expect.stringMatching(/not an integer/),
      }),
    );
  });

  it("keeps safe integers as numbers and everything else as text in JSON", () => {
    expect(Rational.integer(-7).toJSON()).toBe(-7);
    expect(Rational.of(1n, 2n).toJSON()).toBe("1/2");
    expect(Rational.integer(2n ** 60n).toJSON()).toBe("1152921504606846976");
  });

  it("refuses a zero denominator, division by zero and unsafe numbers, with a code", () => {
    expect(thrown(() => Rational.of(1, 0)).code).toBe("zero-denominator");
    expect(thrown(() => Rational.ONE.div(Rational.ZERO)).message).toBe(
      "Rational.div: division by zero",
    );
    expect(thrown(() => Rational.of(2 ** 60)).code).toBe("not-finite");
  });
});

describe("Rational.fromNumber and Rational.from", () => {
  it("reads decimals as written", () => {
    expect(Rational.fromNumber(0.5).toString()).toBe("1/2");
    expect(Rational.fromNumber(0.1).toString()).toBe("1/10");
    expect(Rational.fromNumber(-1.25).toString()).toBe("-5/4");
    expect(Rational.fromNumber(1e21).toString()).toBe("1000000000000000000000");
    expect(Rational.fromNumber(2.5e-7).toString()).toBe("1/4000000");
  });

  it("keeps an integer double exactly, also beyond 2^53", () => {
    expect(Rational.fromNumber(2 ** 70).num).toBe(2n ** 70n);
  });

  it("reads every kind of scalar", () => {
    expect(Rational.from(0.1).toString()).toBe("1/10");
    expect(Rational.from(1e-7).toString()).toBe("1/10000000");
    expect(Rational.from(-3).toString()).toBe("-3");
    expect(Rational.from(5n).toString()).toBe("5");
    expect(Rational.from("2/4").toString()).toBe("1/2");
    const half = Rational.of(1, 2);
    expect(Rational.from(half)).toBe(half);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])("refuses %s naming the place", (value) => {
    const error = thrown(() => Rational.from(value, "here"));
    expect(error.code).toBe("not-finite");
    expect(error.message).toBe(`here: ${value} is not a finite number`);
    expect(error.detail).toBe(`${value} is not a finite number`);
  });
});

describe("Rational.parse", () => {
  it.each([
    ["3", "3"],
    ["-1/2", "-1/2"],
    [" 4 / 6 ", "2/3"],
    ["0.25", "1/4"],
    ["-1.5e-1", "-3/20"],
    ["2e3", "2000"],
    [".5", "1/2"],
    ["1e+2", "100"],
  ])("reads %j as %s", (text, expected) => {
    expect(Rational.parse(text).toString()).toBe(expected);
  });

  it("reads 1e-300 as exactly 1/10^300, and 1e-300 as a double is not that", () => {
    const r = Rational.parse("1e-300");
    expect(r.num).toBe(1n);
    expect(r.den).toBe(10n ** 300n);
    expect(r.toNumber()).toBe(1e-300);
    expect(Rational.parse("-2.5e-300").toString()).toBe(`-1/4${"0".repeat(299)}`);
  });

  it("stays finite converting numbers beyond a double's range back", () => {
    const tiny = Rational.parse(`1e-${MAX_DECIMAL_EXPONENT}`);
    expect(tiny.toNumber()).toBe(0); // 10^-400 underflows to 0, as it should
    const near = Rational.parse(`1e${MAX_DECIMAL_EXPONENT}`)
      .add(Rational.ONE)
      .div(Rational.parse(`1e${MAX_DECIMAL_EXPONENT}`));
    expect(near.toNumber()).toBe(1); // (10^400 + 1)/10^400, NaN if both were first made doubles
    expect(Rational.parse("3e350").div(Rational.parse("1e349")).toNumber()).toBe(30);
  });

  it("refuses exponents beyond the bound without building them", () => {
    const start = Date.now();
    const error = thrown(() => Rational.parse("1e-999999999"));
    expect(error.code).toBe("too-large");
    expect(error.message).toContain(`beyond ±${MAX_DECIMAL_EXPONENT}`);
    expect(thrown(() => Rational.parse(`1e${MAX_DECIMAL_EXPONENT + 1}`)).code).toBe("too-large");
    expect(thrown(() => Rational.parse("9".repeat(5000))).code).toBe("too-large");
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it.each([["abc"], ["1/0"], [""], ["1/2/3"], ["."], ["1e"]])(
    "rejects %j naming the place",
    (text) => {
      const error = thrown(() => Rational.parse(text, "layer 1"));
      expect(error.message).toMatch(/^layer 1: /);
      expect(["not-a-number", "zero-denominator"]).toContain(error.code);
    },
  );

  it("agrees with JavaScript's own decimal reading where doubles are exact enough (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: -250, max: 250 }),
        (digits, exponent) => {
          const text = `${digits}e${exponent}`;
          const exact = Rational.parse(text).toNumber();
          const double = Number(text);
          expect(Math.abs(exact - double)).toBeLessThanOrEqual(Math.abs(double) * 4e-16);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("integer helpers", () => {
  it("floorDiv and ceilDiv agree with Math.floor and Math.ceil", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 50 }),
        (n, d) => {
          expect(floorDiv(BigInt(n), BigInt(d))).toBe(BigInt(Math.floor(n / d)));
          expect(ceilDiv(BigInt(n), BigInt(d))).toBe(BigInt(Math.ceil(n / d)));
        },
      ),
    );
  });

  it("gcd and lcm", () => {
    expect(gcd(-12n, 18n)).toBe(6n);
    expect(gcd(0n, 0n)).toBe(0n);
    expect(lcm(4n, 6n)).toBe(12n);
  });
});
