import { describe, expect, it } from "vitest";
import { parseMath } from "../math/parse-math.js";
import { answerKey, ProofCache, proofTotals } from "./proof-cache.js";

const symbols = ["X", "t", "w", "n"];
const key = (written: string) => {
  const parsed = parseMath(written, { symbols, kind: "tensor" });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return answerKey(parsed.expr);
};

describe("answerKey", () => {
  it("is shared by one formula in any notation, spacing or redundant parentheses", () => {
    const plain = key("(X^T X)^{-1} X^T t");
    expect(key("(X^TX)^{-1}X^Tt")).toBe(plain);
    expect(key("((X^T X)^{-1}) (X^T) t")).toBe(plain);
    expect(key("\\left(X^\\top X\\right)^{-1} X^\\top t")).toBe(plain);
  });

  it("differs for another tree: other operands, their order, or other digits", () => {
    const ab = key("X^T (X w - t)");
    expect(key("X^T (t - X w)")).not.toBe(ab);
    expect(key("X^T (X w - t) + 0")).not.toBe(ab);
    // 2 and 2.0 are one number, but the digits are what the feedback quotes: two keys.
    expect(key("(2/n) X^T (X w - t)")).not.toBe(key("(2.0/n) X^T (X w - t)"));
    expect(key("X w")).not.toBe(key("w X"));
  });
});

describe("ProofCache", () => {
  it("answers a key already compared from the cache, with the same verdict", () => {
    const cache = new ProofCache<{ kind: string }>(() => "reference");
    const before = proofTotals();
    let proofs = 0;
    const prove = () => {
      proofs++;
      return { kind: "equal" };
    };
    const first = cache.verdict("a", prove);
    const second = cache.verdict("a", prove);
    expect(second).toBe(first);
    expect(proofs).toBe(1);
    cache.verdict("b", prove);
    expect(proofs).toBe(2);
    expect(cache.stats).toEqual({ compared: 2, cached: 1 });
    const after = proofTotals();
    expect(after.compared - before.compared).toBe(2);
    expect(after.cached - before.cached).toBe(1);
  });

  it("does not keep a comparison the wall-clock guard stopped", () => {
    const cache = new ProofCache<{ kind: string; clock?: true }>(() => "reference");
    let proofs = 0;
    const stopped = () => {
      proofs++;
      return { kind: "undecided", clock: true as const };
    };
    cache.verdict("a", stopped);
    cache.verdict("a", stopped);
    expect(proofs).toBe(2);
  });

  it("forgets the oldest verdict first when full", () => {
    const cache = new ProofCache<{ kind: string }>(() => "reference", 2);
    let proofs = 0;
    const prove = () => {
      proofs++;
      return { kind: "different" };
    };
    for (const k of ["a", "b", "c", "c", "b", "a"]) cache.verdict(k, prove);
    // a, b, c compared; c and b remembered; a forgotten when c came, so compared again.
    expect(proofs).toBe(4);
  });
});
