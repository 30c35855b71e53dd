import { describe, expect, it } from "vitest";
import type { CheckContext } from "./check.js";
import { contextKey, perContext } from "./per-context.js";
import { samplePoints } from "./sample-points.js";

const context = (seed: number, v: number[] = [1, 2, 3]): CheckContext => ({
  seed,
  variant: { v, n: 3 },
});

describe("perContext", () => {
  it("computes once per context and hands back the same value", () => {
    const calls: number[] = [];
    const reference = perContext((c) => {
      calls.push(c.seed);
      return { seed: c.seed };
    });
    const first = reference(context(7));
    expect(reference(context(7))).toBe(first);
    expect(reference(context(8))).toEqual({ seed: 8 });
    expect(calls).toEqual([7, 8]);
  });

  it("tells contexts apart by seed and by every variant number, not by the variant's key order", () => {
    expect(contextKey(context(1))).not.toBe(contextKey(context(2)));
    expect(contextKey(context(1, [1, 2, 3]))).not.toBe(contextKey(context(1, [1, 2, 4])));
    expect(contextKey({ seed: 1, variant: { a: 1, b: [2] } })).toBe(
      contextKey({ seed: 1, variant: { b: [2], a: 1 } }),
    );
  });

  it("keeps at most 32 contexts, forgetting the oldest first", () => {
    const calls: number[] = [];
    const reference = perContext((c) => calls.push(c.seed));
    for (let seed = 0; seed < 32; seed++) reference(context(seed));
    reference(context(0)); // still kept
    reference(context(32)); // evicts 0, the oldest
    reference(context(0)); // computed again, evicting 1
    reference(context(1)); // computed again
    expect(calls).toEqual([...Array.from({ length: 33 }, (_, seed) => seed), 0, 1]);
  });

  it("does not remember a failure: every call throws again", () => {
    let calls = 0;
    const reference = perContext(() => {
      calls++;
      throw new Error("no reference");
    });
    expect(() => reference(context(1))).toThrow("no reference");
    expect(() => reference(context(1))).toThrow("no reference");
    expect(calls).toBe(2);
  });
});

describe("samplePoints", () => {
  it("gives the same points for the same arguments, other points for another seed", () => {
    const points = samplePoints(["m", "n"], 20, 5);
    expect(samplePoints(["m", "n"], 20, 5)).toEqual(points);
    expect(samplePoints(["m", "n"], 20, 6)).not.toEqual(points);
    expect(points).toHaveLength(20);
    for (const point of points) {
      expect([...point.keys()]).toEqual(["m", "n"]);
      for (const value of point.values()) {
        expect(Number.isInteger(value) && value >= 1 && value < 60).toBe(true);
      }
    }
  });
});
