import { afterEach, describe, expect, it } from "vitest";
import { ProofCache } from "../symbolic/proof-cache.js";
import { decisionCache } from "./decision-cache.js";
import { shareVerdicts, type VerdictExchange } from "./shared-verdicts.js";

/** An exchange in this thread, standing for the batch's board: it logs what it is asked. */
function board() {
  const known = new Map<string, unknown>();
  const log: string[] = [];
  const exchange: VerdictExchange = {
    claim(key) {
      log.push("claim");
      return known.get(key);
    },
    settle(key, verdict) {
      log.push(verdict === undefined ? "release" : "settle");
      if (verdict !== undefined) known.set(key, structuredClone(verdict));
    },
  };
  return { exchange, known, log };
}

afterEach(() => shareVerdicts(undefined));

describe("shared verdicts", () => {
  it("lets a cache of another thread (another cache, the same scope) recall a decision", () => {
    const { exchange, log } = board();
    shareVerdicts(exchange);
    let asked = 0;
    const solve = (answer: string) => () => {
      asked++;
      return { ok: true as const, answer };
    };
    const decided = (answer: string) => answer !== "unknown";
    const here = decisionCache<string>(decided, () => "question 1");
    const there = decisionCache<string>(decided, () => "question 1");
    const first = here.decide("net", solve("proved"));
    const recalled = there.decide("net", solve("proved"));
    expect(asked).toBe(1);
    expect(recalled).toEqual(first);
    expect(there.stats).toEqual({ solved: 0, cached: 1 });
    // Its own cache answers it next, without asking the exchange.
    log.length = 0;
    there.decide("net", solve("proved"));
    expect(log).toEqual([]);
    // Another scope is another question: decided again.
    decisionCache<string>(decided, () => "question 2").decide("net", solve("refuted"));
    expect(asked).toBe(2);
  });

  it("offers nothing it may not keep, and releases a key whose decision throws", () => {
    const { exchange, known, log } = board();
    shareVerdicts(exchange);
    const cache = decisionCache<string>(
      (answer) => answer !== "unknown",
      () => "q",
    );
    cache.decide("net", () => ({ ok: true, answer: "unknown" }));
    expect(() =>
      cache.decide("other", () => {
        throw new Error("the solver failed");
      }),
    ).toThrow("the solver failed");
    expect(log).toEqual(["claim", "release", "claim", "release"]);
    expect(known.size).toBe(0);
  });

  it("shares proof verdicts, but not one the wall-clock guard stopped", () => {
    const { exchange } = board();
    shareVerdicts(exchange);
    const a = new ProofCache<{ kind: string; clock?: true }>(() => "reference");
    const b = new ProofCache<{ kind: string; clock?: true }>(() => "reference");
    let proofs = 0;
    const equal = () => {
      proofs++;
      return { kind: "equal" };
    };
    const stopped = () => {
      proofs++;
      return { kind: "undecided", clock: true as const };
    };
    a.verdict("x", equal);
    expect(b.verdict("x", equal)).toEqual({ kind: "equal" });
    a.verdict("y", stopped);
    b.verdict("y", stopped);
    expect(proofs).toBe(3);
    expect(b.stats).toEqual({ compared: 1, cached: 1 });
  });

  it("is not asked when no exchange is installed", () => {
    const { exchange, log } = board();
    shareVerdicts(exchange);
    shareVerdicts(undefined);
    new ProofCache<{ kind: string }>(() => "reference").verdict("x", () => ({ kind: "equal" }));
    expect(log).toEqual([]);
  });
});
