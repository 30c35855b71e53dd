import { describe, expect, it } from "vitest";
import { bigO, compareAt, formatBigO, leadingTerms, sameGrowth } from "./big-o.js";
import { add, constant, mul, pow, variable } from "./constructors.js";

const n = variable("n");
const m = variable("m");

describe("big-O classes", () => {
  it("keeps the monomials no other monomial outgrows, with coefficient 1", () => {
    const forwardMemory = add(add(pow(n, 2), mul(n, m)), add(mul(3, n), m));
    expect(bigO(forwardMemory).toString()).toBe("n² + nm");
    expect(formatBigO(forwardMemory)).toBe("O(n² + nm)");
    expect(formatBigO(forwardMemory, { latex: true })).toBe("\\mathcal{O}(n^{2} + nm)");
    const reverseMemory = add(mul(2, mul(n, m)), add(mul(2, n), mul(2, m)));
    expect(bigO(reverseMemory).equals(mul(n, m))).toBe(true);
    expect(bigO(constant(7)).toString()).toBe("1");
    expect(bigO(constant(0)).isZero()).toBe(true);
  });

  it("compares growth classes", () => {
    expect(sameGrowth(add(mul(2, pow(n, 2)), n), pow(n, 2))).toBe(true);
    expect(sameGrowth(add(pow(n, 2), mul(n, m)), pow(n, 2))).toBe(false);
  });

  it("finds the terms of highest total degree", () => {
    const p = add(add(mul(2, pow(n, 2)), mul(n, m)), mul(3, n));
    expect(leadingTerms(p).toString()).toBe("2n² + nm");
  });

  it("compares polynomials at a point", () => {
    const forward = add(mul(2, pow(n, 2)), mul(n, m));
    const reverse = mul(3, mul(n, m));
    expect(compareAt(forward, reverse, { n: 2, m: 3 })).toBe(-1);
    expect(compareAt(forward, reverse, { n: 3, m: 3 })).toBe(0);
    expect(compareAt(forward, reverse, { n: 3, m: 2 })).toBe(1);
  });
});
