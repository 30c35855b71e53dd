// Verdicts shared by the threads that grade one batch: students often submit the same network or
// formula, and with several grading threads each would otherwise decide it again in its own
// caches. A program that grades on several threads installs an exchange (the grader's pool does);
// each cache asks it on a miss of its own, before deciding. A key names everything a verdict
// depends on (the cache's scope, e.g. the question's reference, and the answer), so two threads
// that ask under one key would decide the same; verdicts are plain data, so a recalled one is the
// one a fresh decision would give.
import { createHash } from "node:crypto";

export interface VerdictExchange {
  /**
   * The verdict another thread settled under `key`; or undefined, and then this thread decides it
   * and must `settle` the key (while it does, other threads asking for it wait).
   */
  claim(key: string): unknown;
  /** The verdict this thread decided for a key it claimed; undefined when it is not to be kept. */
  settle(key: string, verdict: unknown): void;
}

let exchange: VerdictExchange | undefined;

/** Shares this thread's decisions through `shared` (undefined: each thread decides alone). */
export function shareVerdicts(shared: VerdictExchange | undefined): void {
  exchange = shared;
}

/**
 * The verdict under `scope` and `key`: from another thread through the exchange, or else from
 * `decide` (offered to the other threads when `keep` says it may be remembered). `fresh` tells
 * whether this thread decided it.
 */
export function sharedVerdict<V>(
  scope: () => string,
  key: string,
  decide: () => V,
  keep: (verdict: V) => boolean,
): { readonly verdict: V; readonly fresh: boolean } {
  const shared = exchange;
  if (shared === undefined) return { verdict: decide(), fresh: true };
  // Keys can be long (a network's weights): the exchange holds a digest of fixed size.
  const digest = createHash("sha256").update(scope()).update("\0").update(key).digest("base64");
  const known = shared.claim(digest);
  if (known !== undefined) return { verdict: known as V, fresh: false };
  let verdict: V | undefined;
  try {
    verdict = decide();
  } finally {
    // Settled even when deciding throws, so that no other thread waits for it in vain.
    shared.settle(digest, verdict !== undefined && keep(verdict) ? verdict : undefined);
  }
  return { verdict, fresh: true };
}
