import { describe, expect, it } from "vitest";
import { decisionCache, decisionTotals } from "./decision-cache.js";

describe("decisionCache", () => {
  it("asks the solver once per decided key, and counts every cache of the thread", () => {
    const before = decisionTotals();
    const a = decisionCache<string>(
      (answer) => answer !== "unknown",
      () => "question a",
    );
    const b = decisionCache<string>(
      (answer) => answer !== "unknown",
      () => "question b",
    );
    let asked = 0;
    const solve = (answer: string) => () => {
      asked++;
      return { ok: true as const, answer };
    };
    a.decide("net-1", solve("proved"));
    a.decide("net-1", solve("proved"));
    a.decide("net-2", solve("unknown"));
    a.decide("net-2", solve("unknown")); // undecided: asked again
    b.decide("net-1", solve("proved")); // another check's cache
    expect(asked).toBe(4);
    expect(a.stats).toEqual({ solved: 3, cached: 1 });
    expect(b.stats).toEqual({ solved: 1, cached: 0 });
    const after = decisionTotals();
    expect({ solved: after.solved - before.solved, cached: after.cached - before.cached }).toEqual({
      solved: 4,
      cached: 1,
    });
  });
});
