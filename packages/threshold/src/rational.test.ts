import { describe, expect, it } from "vitest";
import { thrown } from "./fixtures/test-support.js";
import { parseRational, Rational, toRational } from "./rational.js";

// Rational itself is @nnkit/math's and tested there; this is how threshold reads weights with it.
describe("parseRational / toRational", () => {
  it("reads every spelling as @nnkit/math's Rational.parse does (its table of spellings is there)", () => {
    for (const text of ["3", "-1/2", " 4 / 6 ", "0.25", "-1.5e-1"]) {
      expect(parseRational(text).equals(Rational.parse(text))).toBe(true);
    }
    // The weights that need exact arithmetic most: 1e-300 is 1/10³⁰⁰, not a double.
    expect(parseRational("1e-300").toString()).toBe(`1/1${"0".repeat(300)}`);
  });

  it("reads a non-integer number at its decimal spelling (0.1 is 1/10, not the double)", () => {
    expect(toRational(0.1).toString()).toBe("1/10");
    expect(toRational(5n).toString()).toBe("5");
  });

  it.each([
    [
      "abc",
      'layer 1: "abc" is not a number (write an integer, a fraction like "1/2" or a decimal)',
    ],
    ["1/0", 'layer 1: "1/0" has a zero denominator'],
    ["1e-999", 'layer 1: "1e-999" has an exponent beyond ±400'],
  ])("rejects %j as a weight error naming the place", (text, message) => {
    const error = thrown(() => parseRational(text, "layer 1"));
    expect(error.code).toBe("weight");
    expect(error.message).toBe(message);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])("rejects %s", (value) => {
    const error = thrown(() => toRational(value, "here"));
    expect(error.code).toBe("weight");
    expect(error.message).toBe(`here: ${value} is not a finite number`);
  });
});
