import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ThresholdError } from "./errors.js";
import { ceilDiv, floorDiv, parseRational, Rational, toRational } from "./rational.js";

// Small enough that a·d − c·b is exact in doubles, the independent reference.
const small = fc.integer({ min: -1_000_000, max: 1_000_000 });
const positive = fc.integer({ min: 1, max: 1_000_000 });

describe("Rational", () => {
  it("reduces to lowest terms with a positive denominator", () => {
    const r = Rational.of(6n, -4n);
    expect([r.num, r.den]).toEqual([-3n, 2n]);
    expect(r.toString()).toBe("-3/2");
  });

  it("adds and multiplies exactly where doubles round", () => {
    // In doubles 6 * 0.4 - 1.4 = 1.0000000000000004; exactly it is 1.
    expect(6 * 0.4 - 1.4).toBeGreaterThan(1);
    const sum = Rational.of(2n, 5n).mul(Rational.integer(6)).sub(Rational.of(7n, 5n));
    expect(sum.equals(Rational.ONE)).toBe(true);
  });

  it("compares like the real numbers", () => {
    fc.assert(
      fc.property(small, positive, small, positive, (a, b, c, d) => {
        const left = Rational.of(BigInt(a), BigInt(b));
        const right = Rational.of(BigInt(c), BigInt(d));
        expect(left.compare(right)).toBe(Math.sign(a * d - c * b) || 0);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps safe integers as numbers and everything else as text in JSON", () => {
    expect(Rational.integer(-7).toJSON()).toBe(-7);
    expect(Rational.of(1n, 2n).toJSON()).toBe("1/2");
    expect(Rational.integer(2n ** 60n).toJSON()).toBe("1152921504606846976");
  });
});

describe("floorDiv and ceilDiv", () => {
  it("agree with Math.floor and Math.ceil", () => {
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
});

describe("parseRational / toRational", () => {
  it.each([
    ["3", "3"],
    ["-1/2", "-1/2"],
    [" 4 / 6 ", "2/3"],
    ["0.25", "1/4"],
    ["-1.5e-1", "-3/20"],
    ["2e3", "2000"],
    [".5", "1/2"],
  ])("reads %j as %s", (text, expected) => {
    expect(parseRational(text).toString()).toBe(expected);
  });

  it("reads a non-integer number at its decimal spelling (0.1 is 1/10, not the double)", () => {
    expect(toRational(0.1).toString()).toBe("1/10");
    expect(toRational(1e-7).toString()).toBe("1/10000000");
    expect(toRational(-3).toString()).toBe("-3");
    expect(toRational(5n).toString()).toBe("5");
  });

  it.each([["abc"], ["1/0"], [""], ["1/2/3"]])("rejects %j naming the place", (text) => {
    expect(() => parseRational(text, "layer 1")).toThrow(/^layer 1: /);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])("rejects %s", (value) => {
    const error = (() => {
      try {
        toRational(value, "here");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ThresholdError);
    expect((error as ThresholdError).code).toBe("weight");
  });
});
