import type { Chain } from "./chain.js";
import { MaxOf } from "./max-of.js";
import { Polynomial } from "./polynomial.js";

/**
 * Memory conventions, in stored entries (a transpose is a free view of its base; numeric
 * literal scalars are not stored):
 * - `all-stored`: every stored value once — inputs, intermediates and output (2.3 reverse: 3n + 1);
 * - `intermediates`: values computed on the way, neither input nor output;
 * - `peak-live`: the most entries alive at once, with inputs alive throughout, each
 *   intermediate from its step until the step that consumes it, and the output at the end.
 */
export type MemoryConvention = "all-stored" | "intermediates" | "peak-live";

export interface ChainMemory {
  /** Entries of the distinct stored inputs (part of all-stored and peak-live). */
  readonly inputs: Polynomial;
  readonly allStored: Polynomial;
  readonly intermediates: Polynomial;
  /** A single polynomial when one step always peaks, otherwise the max of the candidates. */
  readonly peakLive: MaxOf;
}

/** Entries of the distinct stored inputs: v and vᵀ count once, literal scalars not at all. */
export function inputEntries(chain: Chain): Polynomial {
  const seen = new Set<string>();
  let total = Polynomial.ZERO;
  for (const f of chain.factors) {
    if (seen.has(f.storage) || (f.kind === "scalar" && f.literal)) continue;
    seen.add(f.storage);
    total = total.add(f.kind === "scalar" ? Polynomial.constant(1) : f.rows.mul(f.cols));
  }
  return total;
}

/** What memory needs of an evaluation step (a `ChainStep` is one): its result's size and consumer. */
export interface StoredResult {
  /** Entries of the result. */
  readonly entries: Polynomial;
  /** Index of the step that uses this result; undefined for the final product. */
  readonly consumedBy?: number;
}

/** Memory of a chain evaluated by `steps` under all three conventions. */
export function chainMemory(chain: Chain, steps: readonly StoredResult[]): ChainMemory {
  const inputs = inputEntries(chain);
  const outputEntries = steps.at(-1)?.entries ?? Polynomial.ZERO;
  const intermediates = steps.slice(0, -1).reduce((sum, s) => sum.add(s.entries), Polynomial.ZERO);
  // Live during step k: inputs, earlier results not yet consumed, and step k's own result.
  const livePerStep: Polynomial[] = [];
  let live = inputs;
  steps.forEach((step, k) => {
    live = live.add(step.entries);
    livePerStep.push(live);
    for (const earlier of steps) if (earlier.consumedBy === k) live = live.sub(earlier.entries);
  });
  return {
    inputs,
    allStored: inputs.add(intermediates).add(outputEntries),
    intermediates,
    peakLive: new MaxOf(livePerStep.length > 0 ? livePerStep : [inputs]),
  };
}

/** Memory of an evaluation under a named convention (peak-live may be a max of polynomials). */
export function memoryUnder(
  evaluation: { readonly memory: ChainMemory },
  convention: MemoryConvention,
): Polynomial | MaxOf {
  switch (convention) {
    case "all-stored":
      return evaluation.memory.allStored;
    case "intermediates":
      return evaluation.memory.intermediates;
    case "peak-live":
      return evaluation.memory.peakLive;
  }
}
