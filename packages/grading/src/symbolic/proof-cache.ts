// The identities a reference has already been compared with: a class writes the same formula
// many times over, and one exact comparison costs tenths of a second. A verdict is a function of
// the reference (which owns the cache: one per question, built from its parameters), the target
// and the answer's tree, because the comparison's budget counts operations, not time: only a
// comparison stopped by the wall-clock guard (a loaded machine may decide it next time) is not
// kept. The cache is bounded: a batch of many distinct answers forgets the oldest first. A miss
// asks the batch's other grading threads before the prover (certify/shared-verdicts.ts).

import { rememberBounded } from "../bounded-memo.js";
import { sharedVerdict } from "../certify/shared-verdicts.js";
import type { GradingMath } from "../math/expr.js";

/** Verdicts one reference remembers (a class's distinct answers to one question). */
const PROOF_CACHE_SIZE = 4096;

/** Comparisons made, and those answered from a cache. */
export interface ProofCounts {
  readonly compared: number;
  readonly cached: number;
}

/** Every proof cache's counts in this thread, for a program to report (a batch's summary line). */
const totals = { compared: 0, cached: 0 };

/** Identities compared by the prover and answered from caches, over every check of this thread. */
export function proofTotals(): ProofCounts {
  return { ...totals };
}

/** What a verdict needs for the cache to keep it. */
interface Verdict {
  readonly kind: string;
  /** Set when the wall-clock guard stopped the comparison, which another run may finish. */
  readonly clock?: true;
}

/** A verdict the wall-clock guard stopped is not kept: another run may finish it. */
const keeps = (verdict: Verdict): boolean => verdict.clock !== true;

export class ProofCache<V extends Verdict> {
  private readonly known = new Map<string, V>();
  private readonly counts = { compared: 0, cached: 0 };

  /**
   * `scope` names what the verdicts depend on besides their keys (the reference), for the threads
   * that share them: equal scopes and keys, of this cache or another's, mean the same verdict.
   */
  constructor(
    private readonly scope: () => string,
    private readonly size = PROOF_CACHE_SIZE,
  ) {}

  /** The verdict for `key`: remembered, or else from `prove` (and remembered when it may be). */
  verdict(key: string, prove: () => V): V {
    const hit = this.known.get(key);
    if (hit !== undefined) {
      this.counts.cached++;
      totals.cached++;
      return hit;
    }
    const { verdict, fresh } = sharedVerdict(this.scope, key, prove, keeps);
    const counts = fresh ? "compared" : "cached";
    this.counts[counts]++;
    totals[counts]++;
    if (keeps(verdict)) rememberBounded(this.known, key, verdict, this.size);
    return verdict;
  }

  get stats(): ProofCounts {
    return { ...this.counts };
  }
}

/**
 * A text two answers share exactly when their trees are the same: notation, spacing, redundant
 * parentheses and a left-hand side are gone, numbers are kept as written (the exact comparison and
 * the assumptions' wording read the digits). Operands are not reordered: the assumptions a proof
 * names, and the work it takes, follow the tree's order.
 */
export function answerKey(node: GradingMath): string {
  switch (node.kind) {
    case "number":
      return `#${node.text}`;
    case "symbol":
      return `$${node.name}`;
    case "array":
      return `[${node.items.map(answerKey).join(",")}]`;
    case "negate":
      return `neg(${answerKey(node.operand)})`;
    case "transpose":
      return `T(${answerKey(node.operand)})`;
    case "call":
      return `${node.fn}(${answerKey(node.argument)})`;
    case "binary":
    case "compare":
      return `${node.op}(${answerKey(node.left)},${answerKey(node.right)})`;
  }
}
