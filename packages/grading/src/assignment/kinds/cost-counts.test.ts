import { chain, evaluateChain, parsePolynomial, transpose, vector } from "@nnkit/cost";
import { describe, expect, it } from "vitest";
import { evaluated } from "./cost-counts.js";

describe("evaluated", () => {
  const v = vector("v", "n");
  const y = vector("y", "n");
  const vvty = chain(v, transpose(v), y);

  it("gives evaluateChain's counts, computed once per chain and order", () => {
    for (const order of ["right-to-left", "left-to-right", [[0, 1], 2]] as const) {
      const first = evaluated(vvty, order);
      const fresh = evaluateChain(vvty, order);
      expect(first.multiplications.equals(fresh.multiplications)).toBe(true);
      expect(first.memory.allStored.equals(fresh.memory.allStored)).toBe(true);
      // The same order spelled again (a new array) is answered from the first evaluation.
      expect(evaluated(vvty, JSON.parse(JSON.stringify(order)))).toBe(first);
    }
  });

  it("keeps chains apart, even when they are equal", () => {
    const again = chain(v, transpose(v), y);
    expect(evaluated(again, "right-to-left")).not.toBe(evaluated(vvty, "right-to-left"));
    // By hand, v n×1: v(vᵀy) costs n (vᵀy) + n; (vvᵀ)y costs n² (vvᵀ) + n².
    expect(evaluated(again, "right-to-left").multiplications.equals(parsePolynomial("2n"))).toBe(
      true,
    );
    expect(evaluated(again, "left-to-right").multiplications.equals(parsePolynomial("2n^2"))).toBe(
      true,
    );
  });
});
