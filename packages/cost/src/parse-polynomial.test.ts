import { describe, expect, it } from "vitest";
import { add, mul, pow, sub, variable } from "./constructors.js";
import { parsePolynomial } from "./parse-polynomial.js";

const n = variable("n");
const m = variable("m");

describe("parsePolynomial", () => {
  it("reads sums, products, powers and parentheses", () => {
    expect(parsePolynomial("2*n^2 + n*m").equals(add(mul(2, pow(n, 2)), mul(n, m)))).toBe(true);
    expect(parsePolynomial("(n + 1)(m - n)").equals(mul(add(n, 1), sub(m, n)))).toBe(true);
    expect(parsePolynomial("-n**2 + 3n/2").toString()).toBe("-n² + 3n/2");
  });

  it("names what it could not read", () => {
    expect(() => parsePolynomial("n +")).toThrow(/unexpected end in "n \+"/);
    expect(() => parsePolynomial("n ^ m")).toThrow(/exponent must be a non-negative integer/);
    expect(() => parsePolynomial("n / m")).toThrow(/cannot divide by m/);
    expect(() => parsePolynomial("n $ 2")).toThrow(/unexpected "\$ 2"/);
  });
});
