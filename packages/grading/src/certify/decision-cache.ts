// The solver's decisions a check remembers: a class submits the same network or condition many
// times over, and each decision costs the solver tens of milliseconds to seconds. Only decided
// answers are kept (an `unknown` or a missed deadline may go otherwise next time), and the cache
// is bounded: a batch of many distinct answers forgets the oldest decisions first. A miss asks
// the batch's other grading threads before the solver (shared-verdicts.ts).

import { rememberBounded } from "../bounded-memo.js";
import { sharedVerdict } from "./shared-verdicts.js";
import type { Solved } from "./solver-thread.js";

/** Decisions a check remembers (one class's distinct answers, many times over). */
const DECISION_CACHE_SIZE = 4096;

export interface DecisionCache<A> {
  /** The decision for `key`, from the cache or else from `decide`. */
  decide(key: string, decide: () => Solved<A>): Solved<A>;
  /** Decisions asked of the solver, and those answered from the cache. */
  readonly stats: { readonly solved: number; readonly cached: number };
}

/** Every cache's counts in this thread, for a program to report (e.g. a batch's summary line). */
const totals = { solved: 0, cached: 0 };

/** Decisions asked of the solver and answered from caches, over every check of this thread. */
export function decisionTotals(): { readonly solved: number; readonly cached: number } {
  return { ...totals };
}

/**
 * A cache that keeps a decision when `decided` says the solver settled it. `scope` names what its
 * decisions depend on besides their keys (the question), for the threads that share them: a key
 * and a scope that are equal, another cache's too, must mean the same decision.
 */
export function decisionCache<A>(
  decided: (answer: A) => boolean,
  scope: () => string,
  size = DECISION_CACHE_SIZE,
): DecisionCache<A> {
  const known = new Map<string, Solved<A>>();
  const stats = { solved: 0, cached: 0 };
  const keep = (solved: Solved<A>) => solved.ok && decided(solved.answer);
  return {
    stats,
    decide(key, decide) {
      const hit = known.get(key);
      if (hit !== undefined) {
        stats.cached++;
        totals.cached++;
        return hit;
      }
      const { verdict: solved, fresh } = sharedVerdict(scope, key, decide, keep);
      const counts = fresh ? "solved" : "cached";
      stats[counts]++;
      totals[counts]++;
      if (keep(solved)) rememberBounded(known, key, solved, size);
      return solved;
    },
  };
}
