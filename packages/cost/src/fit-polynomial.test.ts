import { describe, expect, it } from "vitest";
import { CostError } from "./errors.js";
import { fitPolynomial } from "./fit-polynomial.js";

describe("fitPolynomial", () => {
  it("recovers a polynomial from its values", () => {
    const p = fitPolynomial(({ n, m }) => 2 * n! * n! + n! * m! + 3, ["n", "m"]);
    expect(p.toString()).toBe("2n² + nm + 3");
    expect(fitPolynomial(({ n }) => (n! * (n! + 1)) / 2, ["n"]).toString()).toBe("n²/2 + n/2");
    expect(fitPolynomial(() => 7, []).toString()).toBe("7");
  });

  it("refuses values that are no polynomial of the allowed degree", () => {
    const fit = () => fitPolynomial(({ n }) => 2 ** n!, ["n"]);
    expect(fit).toThrow(CostError);
    expect(fit).toThrow(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/no polynomial of degree ≤ 3 in each variable/),
      }),
    );
    expect(() => fitPolynomial(({ n }) => n! ** 4, ["n"])).toThrow(
      expect.objectContaining({ code: "argument", message: expect.stringMatching(/degree ≤ 3/) }),
    );
    expect(() => fitPolynomial(() => Number.NaN, ["n"])).toThrow(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/sample gave NaN/),
      }),
    );
  });
});
