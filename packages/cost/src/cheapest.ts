import type { Chain } from "./chain.js";
import { type ChainEvaluation, evaluateChain, productCost } from "./evaluate-chain.js";
import type { Order } from "./order.js";
import { Polynomial } from "./polynomial.js";
import { Region } from "./region.js";

/**
 * The cheapest order by multiplications. `unique`: one order is cheapest at every point of the
 * region (proved, not sampled). `depends`: no single order is; every point's cheapest order is
 * among `candidates`, each cheapest somewhere (use crossover() to see where).
 */
export type CheapestResult =
  | { readonly kind: "unique"; readonly region: Region; readonly evaluation: ChainEvaluation }
  | {
      readonly kind: "depends";
      readonly region: Region;
      readonly candidates: readonly ChainEvaluation[];
    };

/**
 * Dynamic programming over sub-chains (as NumPy's multi_dot). Numeric chains: the classic O(k³)
 * table. Symbolic chains: each sub-chain keeps every order not provably beaten within the
 * region, which is exact because an order cheapest at a point is built from sub-orders
 * cheapest at that point.
 */
export function cheapestOrder(chain: Chain, region: Region = Region.ALL): CheapestResult {
  region.checkVariables(chain.variables, "cheapestOrder");
  if (chain.variables.length === 0) {
    return { kind: "unique", region, evaluation: evaluateChain(chain, numericCheapest(chain)) };
  }
  const candidates = symbolicCheapest(chain, region).map((c) => evaluateChain(chain, c.order));
  return candidates.length === 1
    ? { kind: "unique", region, evaluation: candidates[0]! }
    : { kind: "depends", region, candidates };
}

/**
 * Classic matrix-chain DP on numbers; ties go to the leftmost split. A sub-chain's rows are its
 * first matrix's and its columns its last matrix's; an all-scalar side costs the other side's
 * entries (productCost, inlined here because this loop runs k³/6 times).
 */
function numericCheapest(chain: Chain): Order {
  const k = chain.length;
  const { rows, cols, firstMatrix, lastMatrix } = numericLayout(chain);
  const cost = new Float64Array(k * k);
  const split = new Int32Array(k * k);
  for (let length = 2; length <= k; length++) {
    for (let i = 0; i + length - 1 < k; i++) {
      const j = i + length - 1;
      const first = firstMatrix[i]!; // −1 or > j: the whole sub-chain is scalars
      const last = lastMatrix[j]!;
      let best = Number.POSITIVE_INFINITY;
      for (let s = i; s < j; s++) {
        const leftLast = lastMatrix[s]!;
        const rightFirst = firstMatrix[s + 1]!;
        const leftScalar = first === -1 || first > s;
        const rightScalar = rightFirst === -1 || rightFirst > j;
        const step = leftScalar
          ? rightScalar
            ? 1
            : rows[rightFirst]! * cols[last]!
          : rightScalar
            ? rows[first]! * cols[leftLast]!
            : rows[first]! * cols[leftLast]! * cols[last]!;
        const total = cost[i * k + s]! + cost[(s + 1) * k + j]! + step;
        if (total < best) {
          best = total;
          split[i * k + j] = s;
        }
      }
      cost[i * k + j] = best;
    }
  }
  const build = (i: number, j: number): Order => {
    if (i === j) return i;
    const s = split[i * k + j]!;
    return [build(i, s), build(s + 1, j)];
  };
  return build(0, k - 1);
}

/** Sizes as plain numbers, and for each index the nearest matrix to its right / left (−1: none). */
function numericLayout(chain: Chain) {
  const k = chain.length;
  const rows = new Float64Array(k);
  const cols = new Float64Array(k);
  chain.factors.forEach((f, i) => {
    rows[i] = f.kind === "matrix" ? f.rows.constantTerm().toNumber() : 1;
    cols[i] = f.kind === "matrix" ? f.cols.constantTerm().toNumber() : 1;
  });
  const isMatrix = (i: number) => chain.factors[i]!.kind === "matrix";
  const firstMatrix = new Int32Array(k + 1).fill(-1);
  for (let i = k - 1; i >= 0; i--) firstMatrix[i] = isMatrix(i) ? i : firstMatrix[i + 1]!;
  const lastMatrix = new Int32Array(k).fill(-1);
  for (let j = 0; j < k; j++) lastMatrix[j] = isMatrix(j) ? j : j > 0 ? lastMatrix[j - 1]! : -1;
  return { rows, cols, firstMatrix, lastMatrix };
}

interface Candidate {
  readonly order: Order;
  readonly cost: Polynomial;
}

function symbolicCheapest(chain: Chain, region: Region): Candidate[] {
  const k = chain.length;
  const table: Candidate[][][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < k; i++) table[i]![i] = [{ order: i, cost: Polynomial.ZERO }];
  for (let length = 2; length <= k; length++) {
    for (let i = 0; i + length - 1 < k; i++) {
      const j = i + length - 1;
      const found: Candidate[] = [];
      for (let s = i; s < j; s++) {
        const step = productCost(chain.shapeOf(i, s), chain.shapeOf(s + 1, j));
        for (const left of table[i]![s]!) {
          for (const right of table[s + 1]![j]!) {
            found.push({
              order: [left.order, right.order],
              cost: left.cost.add(right.cost).add(step),
            });
          }
        }
      }
      table[i]![j] = keepUnbeaten(found, region);
    }
  }
  return table[0]![k - 1]!;
}

/** Drops every candidate that another one provably matches or beats; the first of equals stays. */
function keepUnbeaten(candidates: readonly Candidate[], region: Region): Candidate[] {
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    if (kept.some((k) => region.provesNonNegative(candidate.cost.sub(k.cost)))) continue;
    const survivors = kept.filter((k) => !region.provesNonNegative(k.cost.sub(candidate.cost)));
    kept.length = 0;
    kept.push(...survivors, candidate);
  }
  return kept;
}
