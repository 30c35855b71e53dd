import { describe, expect, it } from "vitest";
import { fixtures } from "./fixtures/fixtures.js";
import * as nd from "./index.js";

// Expected values come from the independent Python implementation in fixtures/gen_fixtures.py.
describe("xoshiro128** seeded by SplitMix64", () => {
  it.each(fixtures.rng.map((c) => [c.seed, c]))(
    "seed %i: raw outputs, uniform, normal, integers",
    (seed, c) => {
      const raw = nd.rng(seed);
      expect(Array.from({ length: 8 }, () => raw.nextUint32())).toEqual(c.uint32);
      expect(Array.from(nd.rng(seed).uniform([6]).data)).toEqual(c.uniform);
      const normal = Array.from(nd.rng(seed).normal([6]).data);
      for (const [i, x] of normal.entries()) expect(x).toBeCloseTo(c.normal[i]!, 14);
      expect(Array.from(nd.rng(seed).integers([10], -3, 7).data)).toEqual(c.integers);
    },
  );
});

describe("random tensors", () => {
  it("repeat for a seed and differ between seeds", () => {
    expect(nd.equal(nd.rng(5).normal([3, 3]), nd.rng(5).normal([3, 3]))).toBe(true);
    expect(nd.equal(nd.rng(5).normal([3, 3]), nd.rng(6).normal([3, 3]))).toBe(false);
  });

  it("respect their ranges and moments", () => {
    const u = nd.rng(1).uniform([20000], -2, 3);
    expect(nd.min(u).item()).toBeGreaterThanOrEqual(-2);
    expect(nd.max(u).item()).toBeLessThan(3);
    expect(nd.mean(u).item()).toBeCloseTo(0.5, 1);
    const z = nd.rng(2).normal([20000], 10, 2);
    expect(nd.mean(z).item()).toBeCloseTo(10, 1);
    const sd = Math.sqrt(nd.mean(nd.pow(nd.sub(z, 10), 2)).item());
    expect(sd).toBeCloseTo(2, 1);
    const k = nd.rng(3).integers([5000], 0, 4);
    expect(k.dtype).toBe("int32");
    expect([nd.min(k).item(), nd.max(k).item()]).toEqual([0, 3]);
  });

  it("validate arguments", () => {
    expect(() => nd.rng(1.5)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining("rng: seed must be a safe integer, got 1.5"),
      }),
    );
    expect(() => nd.rng(1).integers([2], 3, 3)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining("integers: need integers low < high, got [3, 3)"),
      }),
    );
    expect(() => nd.rng(1).integers([2], 0, 2 ** 33)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/integers: range \[0, 8589934592\) spans more than 2\^32/),
      }),
    );
    expect(() => nd.rng(1).integers([2], 0, 2 ** 32)).toThrowError(
      expect.objectContaining({
        code: "dtype",
        message: expect.stringMatching(/integers: range .* does not fit int32/),
      }),
    );
    expect(nd.rng(1).integers([2], 0, 2 ** 32, "float64").dtype).toBe("float64");
    expect(() => nd.rng(1).uniform([-1])).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/uniform: shape \[-1\] has an invalid dimension/),
      }),
    );
  });
});
