import { Rational } from "@nnkit/math";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, constant, div, mul, pow, sub, variable } from "./constructors.js";
import { CostError } from "./errors.js";
import { Polynomial } from "./polynomial.js";

const n = variable("n");
const m = variable("m");

/** Random polynomials in n, m with small integer coefficients and exponents. */
const polynomial = fc
  .array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.nat(3), fc.nat(3)), { maxLength: 4 })
  .map((terms) =>
    terms.reduce((p, [c, i, j]) => p.add(n.pow(i).mul(m.pow(j)).mul(c)), Polynomial.ZERO),
  );
const point = fc.record({ n: fc.integer({ min: -9, max: 9 }), m: fc.integer({ min: -9, max: 9 }) });

describe("Polynomial", () => {
  it("canonicalKey is shared exactly by equal polynomials, whatever their variables' order", () => {
    // m + n built with n first and with m first prints differently but has one key.
    expect(n.add(m).canonicalKey()).toBe(m.add(n).canonicalKey());
    expect(n.add(m).termCount()).toBe(2);
    fc.assert(
      fc.property(polynomial, polynomial, (p, q) => {
        // q·p − … rebuilt in the other order: equal values, maybe another appearance order.
        const rebuilt = q.add(p).sub(q);
        expect(rebuilt.canonicalKey() === p.canonicalKey()).toBe(true);
        expect(p.canonicalKey() === q.canonicalKey()).toBe(p.equals(q));
      }),
    );
  });

  it("equality is mathematical: (n + m)² = n² + 2nm + m²", () => {
    const square = pow(add(n, m), 2);
    expect(square.equals(add(add(pow(n, 2), mul(2, mul(n, m))), pow(m, 2)))).toBe(true);
    expect(square.equals(add(pow(n, 2), pow(m, 2)))).toBe(false);
    expect(sub(mul(n, m), mul(m, n)).isZero()).toBe(true);
  });

  it("evaluates exactly, with rational coefficients", () => {
    const p = add(div(pow(n, 2), 2), div(n, 2)); // n(n + 1)/2
    expect(p.evaluate({ n: 3 }).toString()).toBe("6");
    expect(p.evaluate({ n: Rational.of(1, 2) }).toString()).toBe("3/8");
    expect(
      mul(n, m).evaluateNumber(
        new Map([
          ["n", 7],
          ["m", 3],
        ]),
      ),
    ).toBe(21);
  });

  it("is a ring under evaluation (a homomorphism to the rationals)", () => {
    fc.assert(
      fc.property(polynomial, polynomial, point, (p, q, at) => {
        const [pv, qv] = [p.evaluate(at), q.evaluate(at)];
        expect(p.add(q).evaluate(at).equals(pv.add(qv))).toBe(true);
        expect(p.mul(q).evaluate(at).equals(pv.mul(qv))).toBe(true);
        expect(p.sub(q).evaluate(at).equals(pv.sub(qv))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("obeys commutativity and distributivity in normal form", () => {
    fc.assert(
      fc.property(polynomial, polynomial, polynomial, (p, q, r) => {
        expect(p.mul(q).equals(q.mul(p))).toBe(true);
        expect(p.mul(q.add(r)).equals(p.mul(q).add(p.mul(r)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("divides exactly when a divisor divides, and says so otherwise", () => {
    const product = mul(add(n, 1), sub(m, n));
    expect(product.divideExact(add(n, 1))?.equals(sub(m, n))).toBe(true);
    expect(product.divideExact(add(n, 2))).toBeUndefined();
  });

  it("substitutes a polynomial for a variable", () => {
    expect(
      mul(n, m)
        .substitute("m", add(n, 1))
        .equals(add(pow(n, 2), n)),
    ).toBe(true);
  });

  it("reports degree, constant term and variables in order of appearance", () => {
    const p = add(mul(2, pow(n, 2)), add(mul(n, m), 3));
    expect(p.degree()).toBe(2);
    expect(p.degreeIn("m")).toBe(1);
    expect(p.constantTerm().toString()).toBe("3");
    expect(p.variables).toEqual(["n", "m"]);
    expect(constant(0).degree()).toBe(Number.NEGATIVE_INFINITY);
  });

  it("throws typed errors for invalid operations", () => {
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    expect(error(() => pow(n, -1))).toMatchObject({ op: "pow", code: "argument" });
    expect(error(() => pow(n, 1.5))).toBeInstanceOf(CostError);
    expect(error(() => div(n, m))).toMatchObject({ op: "div", message: /not a constant/ });
    expect(error(() => div(n, 0))).toMatchObject({ message: /division by zero/ });
    expect(error(() => variable("2n"))).toMatchObject({ code: "variable" });
    expect(error(() => mul(n, m).evaluate({ n: 2 }))).toMatchObject({
      op: "evaluate",
      code: "variable",
      message: /no value for variable "m"/,
    });
  });
});
