import { describe, expect, it } from "vitest";
import { thrown } from "./fixtures/thrown.js";
import { parseRational, toRational } from "./rational.js";

// Rational itself is @nnkit/math's and tested there; this is how threshold reads weights with it.
describe("parseRational / toRational", () => {
  it.each([
    ["3", "3"],
    ["-1/2", "-1/2"],
    [" 4 / 6 ", "2/3"],
    ["0.25", "1/4"],
    ["-1.5e-1", "-3/20"],
    ["1e-300", `1/1${"0".repeat(300)}`],
  ])("reads %j as %s", (text, expected) => {
    expect(parseRational(text).toString()).toBe(expected);
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
