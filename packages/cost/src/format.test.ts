import { describe, expect, it } from "vitest";
import { add, constant, div, mul, neg, pow, sub, variable } from "./constructors.js";

const n = variable("n");
const m = variable("m");
const forward24 = add(mul(2, pow(n, 2)), mul(n, m)); // 2n² + nm

describe("printing polynomials", () => {
  it("writes text with superscripts, highest degree first", () => {
    expect(forward24.toString()).toBe("2n² + nm");
    expect(add(add(pow(n, 2), mul(n, m)), add(mul(3, n), m)).toString()).toBe("n² + nm + 3n + m");
    expect(sub(constant(1), n).toString()).toBe("-n + 1");
    expect(constant(0).toString()).toBe("0");
    expect(pow(n, 12).toString()).toBe("n¹²");
  });

  it("writes ASCII and LaTeX", () => {
    expect(forward24.toString({ ascii: true })).toBe("2*n^2 + n*m");
    expect(forward24.toLatex()).toBe("2n^{2} + nm");
    expect(div(n, 2).toLatex()).toBe("\\frac{1}{2}n");
    expect(mul(variable("n_1"), n).toLatex()).toBe("\\mathit{n_1} \\cdot n");
  });

  it("separates multi-letter variables, which juxtaposition would make ambiguous", () => {
    expect(mul(3, mul(variable("ab"), n)).toString()).toBe("3·ab·n");
  });

  it("writes rational coefficients as fractions", () => {
    expect(add(div(pow(n, 2), 2), div(n, 2)).toString()).toBe("n²/2 + n/2");
    expect(div(mul(3, n), 4).toString({ ascii: true })).toBe("3*n/4");
    expect(constant(-0.5).toString()).toBe("-1/2");
  });

  it("follows a requested variable order", () => {
    expect(mul(n, m).toString({ order: ["m"] })).toBe("mn");
  });

  it("factors out a common monomial where that reads better", () => {
    expect(forward24.toFactoredString()).toBe("n(2n + m)");
    expect(forward24.toFactoredLatex()).toBe("n\\left(2n + m\\right)");
    expect(add(mul(2, mul(n, m)), add(mul(2, n), mul(2, m))).toFactoredString()).toBe(
      "2nm + 2n + 2m",
    );
    expect(mul(3, mul(n, m)).toFactoredString()).toBe("3nm");
    expect(neg(add(mul(2, pow(n, 2)), mul(2, n))).toFactoredString()).toBe("-2n(n + 1)");
  });
});
