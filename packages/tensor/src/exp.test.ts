import { describe, expect, it } from "vitest";
import { fastExp } from "./exp.js";

/** Distance in units in the last place, by comparing the doubles' bit patterns. */
function ulps(a: number, b: number): number {
  const bits = new BigInt64Array(new Float64Array([a, b]).buffer);
  return Math.abs(Number(bits[0]! - bits[1]!));
}

describe("fastExp", () => {
  it("stays within 4 ulp of Math.exp across the normal range", () => {
    let worst = 0;
    for (let i = 0; i <= 200_000; i++) {
      const x = -707.99 + (i / 200_000) * 1415.98;
      worst = Math.max(worst, ulps(fastExp(x), Math.exp(x)));
    }
    for (let i = 0; i <= 20_000; i++) {
      const x = -2 + i / 5000;
      worst = Math.max(worst, ulps(fastExp(x), Math.exp(x)));
    }
    expect(worst).toBeLessThanOrEqual(4);
  });

  it("is exact where e^x is known exactly and defers edge cases to Math.exp", () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-0)).toBe(1);
    expect(fastExp(1e-300)).toBe(1);
    expect(fastExp(Number.NaN)).toBeNaN();
    expect(fastExp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(fastExp(Number.NEGATIVE_INFINITY)).toBe(0);
    for (const x of [708, 709.78, 710, -708, -740, -745.2]) expect(fastExp(x)).toBe(Math.exp(x));
  });

  it("is accurate at ±1", () => {
    expect(fastExp(1)).toBeCloseTo(Math.E, 15);
    expect(ulps(fastExp(-1), 1 / Math.E)).toBeLessThanOrEqual(1);
  });
});
