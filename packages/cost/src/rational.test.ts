import { describe, expect, it } from "vitest";
import { CostError } from "./errors.js";
import { Rational } from "./rational.js";

describe("Rational", () => {
  it("keeps lowest terms with a positive denominator", () => {
    const r = Rational.of(6, -4);
    expect([r.num, r.den]).toEqual([-3n, 2n]);
    expect(r.toString()).toBe("-3/2");
  });

  it("adds, multiplies and divides exactly", () => {
    const third = Rational.of(1, 3);
    const sixth = Rational.of(1, 6);
    expect(third.add(sixth).toString()).toBe("1/2");
    expect(third.mul(sixth).toString()).toBe("1/18");
    expect(third.div(sixth).toString()).toBe("2");
    expect(third.sub(third).isZero()).toBe(true);
  });

  it("reads decimals as written", () => {
    expect(Rational.fromNumber(0.5).toString()).toBe("1/2");
    expect(Rational.fromNumber(0.1).toString()).toBe("1/10");
    expect(Rational.fromNumber(-1.25).toString()).toBe("-5/4");
    expect(Rational.fromNumber(1e21).toString()).toBe("1000000000000000000000");
    expect(Rational.fromNumber(2.5e-7).toString()).toBe("1/4000000");
  });

  it("refuses a zero denominator and non-finite numbers", () => {
    expect(() => Rational.of(1, 0)).toThrow(CostError);
    expect(() => Rational.ONE.div(Rational.ZERO)).toThrow(/division by zero/);
    expect(() => Rational.fromNumber(Number.NaN)).toThrow(/not finite/);
  });
});
