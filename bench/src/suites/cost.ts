import { type Chain, chain, cheapestOrder, evaluateChain, matrix, Region } from "@nnkit/cost";
import { homeworkChains } from "@nnkit/grading/hw1";
import type { BenchSuite } from "../harness.js";

/** A numeric chain of `length` factors with pseudo-random sizes 1..100 (same on every run). */
function randomChain(length: number): Chain {
  let state = 7;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return 1 + (state % 100);
  };
  const dims = Array.from({ length: length + 1 }, next);
  return chain(...dims.slice(0, -1).map((d, i) => matrix(`A${i}`, d, dims[i + 1]!)));
}

/** Textbook recursion without memoisation: tries every split, exponential in the length. */
function naiveCheapestCost(dims: readonly number[], i: number, j: number): number {
  if (i === j) return 0;
  let best = Number.POSITIVE_INFINITY;
  for (let s = i; s < j; s++) {
    const cost =
      naiveCheapestCost(dims, i, s) +
      naiveCheapestCost(dims, s + 1, j) +
      dims[i]! * dims[s + 1]! * dims[j + 1]!;
    best = Math.min(best, cost);
  }
  return best;
}

function dimsOf(c: Chain): number[] {
  const sizes = c.factors.map((f) => (f.kind === "matrix" ? f.rows.evaluateNumber({}) : 1));
  const last = c.factors.at(-1)!;
  return [...sizes, last.kind === "matrix" ? last.cols.evaluateNumber({}) : 1];
}

const chain200 = randomChain(200);
const chain12 = randomChain(12);
const dims12 = dimsOf(chain12);

const suite: BenchSuite = {
  name: "@nnkit/cost",
  cases: () => [
    {
      name: "cheapest order, 200-factor numeric chain (DP + evaluation)",
      nnkit: () => cheapestOrder(chain200),
    },
    {
      name: "cheapest order, 12-factor numeric chain",
      nnkit: () => cheapestOrder(chain12),
      // No peer: no outside library computes chain orders; the textbook recursion only checks.
      setup: () => {
        const ours = cheapestOrder(chain12);
        const cost =
          ours.kind === "unique" ? ours.evaluation.multiplications.evaluateNumber({}) : -1;
        if (cost !== naiveCheapestCost(dims12, 0, dims12.length - 2)) {
          throw new Error("cheapest costs disagree");
        }
      },
    },
    {
      name: "evaluate 200-factor chain left to right (formulas, memory)",
      nnkit: () => evaluateChain(chain200, "left-to-right"),
    },
    {
      name: "symbolic cheapest order of vvᵀy1y2ᵀ within m > n",
      nnkit: () => cheapestOrder(homeworkChains["2.4"], Region.of("m > n")),
    },
  ],
};
export default suite;
