import { describe, expect, it } from "vitest";
import { add, mul, pow, sub, variable } from "./constructors.js";
import { CostError } from "./errors.js";
import { parsePolynomial } from "./parse-polynomial.js";

const n = variable("n");
const m = variable("m");
const nm = variable("nm");

describe("parsePolynomial", () => {
  it("reads sums, products, powers and parentheses", () => {
    expect(parsePolynomial("2*n^2 + n*m").equals(add(mul(2, pow(n, 2)), mul(n, m)))).toBe(true);
    expect(parsePolynomial("(n + 1)(m - n)").equals(mul(add(n, 1), sub(m, n)))).toBe(true);
    expect(parsePolynomial("-n**2 + 3n/2").toString()).toBe("-n² + 3n/2");
    expect(parsePolynomial("m n").equals(mul(m, n))).toBe(true);
  });

  it("reads LaTeX and Unicode like graded answers", () => {
    expect(parsePolynomial("\\frac{n(n+1)}{2}").toString()).toBe("n²/2 + n/2");
    expect(parsePolynomial("n² + 3 \\cdot n").equals(add(pow(n, 2), mul(3, n)))).toBe(true);
  });

  it("splits a run of names into declared variables, and keeps it one name otherwise", () => {
    // One rule for every caller (@nnkit/math's DeclaredSymbols): declared symbols split.
    expect(
      parsePolynomial("3nm", undefined, { variables: ["n", "m"] }).equals(mul(3, mul(n, m))),
    ).toBe(true);
    expect(parsePolynomial("3nm").equals(mul(3, nm))).toBe(true);
    expect(() => parsePolynomial("3nq", "here", { variables: ["n", "m"] })).toThrow(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/^here: unknown name 'nq'; expected one of: n, m/),
      }),
    );
  });

  it("reads decimals exactly", () => {
    expect(parsePolynomial("0.1 n").toString()).toBe("n/10");
  });

  it("names what it could not read, and where", () => {
    expect(() => parsePolynomial("n +")).toThrow(CostError);
    expect(() => parsePolynomial("n +")).toThrow(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/unexpected end of expression \(at position 3\) in "n \+"/),
      }),
    );
    expect(() => parsePolynomial("n ^ m")).toThrow(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/exponent in '\(n \^ m\)' must be a whole number/),
      }),
    );
    expect(() => parsePolynomial("n / m")).toThrow(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/can only divide by a non-zero number, not by m/),
      }),
    );
    expect(() => parsePolynomial("n ? 2")).toThrow(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/unexpected character .\?. \(at position 2\)/),
      }),
    );
    expect(() => parsePolynomial("n^100")).toThrow(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/exponent 100 is too large/),
      }),
    );
  });
});
