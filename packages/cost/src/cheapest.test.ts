import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Chain, chain } from "./chain.js";
import { cheapestOrder } from "./cheapest.js";
import { evaluateChain } from "./evaluate-chain.js";
import { type Factor, matrix, scalar } from "./factor.js";
import { threeMatrices } from "./fixtures/example-chains.js";
import multiDot from "./fixtures/multi-dot.json" with { type: "json" };
import type { Order } from "./order.js";
import { Region } from "./region.js";

/** Every parenthesisation, enumerated without memoisation: the reference for the DP. */
function allOrders(first: number, last: number): Order[] {
  if (first === last) return [first];
  const orders: Order[] = [];
  for (let s = first; s < last; s++) {
    for (const left of allOrders(first, s)) {
      for (const right of allOrders(s + 1, last)) orders.push([left, right]);
    }
  }
  return orders;
}

function bruteForceCost(c: Chain): number {
  return Math.min(
    ...allOrders(0, c.length - 1).map((o) =>
      evaluateChain(c, o).multiplications.evaluateNumber({}),
    ),
  );
}

function numericCost(c: Chain): number {
  const result = cheapestOrder(c);
  if (result.kind !== "unique") throw new Error("a numeric chain has one cheapest cost");
  return result.evaluation.multiplications.evaluateNumber({});
}

/** A chain of 1–8 factors with sizes 1..30, with an occasional scalar factor mixed in. */
const numericChain = fc
  .tuple(
    fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 9 }),
    fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
  )
  .map(([dims, scalars]) => {
    const factors: Factor[] = [];
    for (let i = 0; i + 1 < dims.length; i++) {
      factors.push(
        scalars[i] && factors.length > 0 ? scalar(i) : matrix(`A${i}`, dims[i]!, dims[i + 1]!),
      );
    }
    return chain(...fixInner(factors));
  });

/** Re-links sizes around scalars so adjacent matrices always agree. */
function fixInner(factors: Factor[]): Factor[] {
  let cols: number | undefined;
  return factors.map((f) => {
    if (f.kind === "scalar") return f;
    const rows = cols ?? f.rows.evaluateNumber({});
    cols = f.cols.evaluateNumber({});
    return matrix(f.name, rows, cols);
  });
}

/** A chain of 2–5 matrices whose sizes are n, m or small numbers. */
const symbolicChain = fc
  .array(fc.constantFrom<string | number>("n", "m", 1, 2, 3), { minLength: 3, maxLength: 6 })
  .map((dims) => chain(...dims.slice(0, -1).map((d, i) => matrix(`A${i}`, d, dims[i + 1]!))));

describe("cheapestOrder", () => {
  it("matches a brute-force search over every parenthesisation (≤ 8 factors)", () => {
    fc.assert(
      fc.property(numericChain, (c) => {
        expect(numericCost(c)).toBe(bruteForceCost(c));
      }),
      { numRuns: 150 },
    );
  }, 60_000); // brute force over exact polynomials: seconds when CI runs packages side by side

  it("matches NumPy's multi_dot optimiser on random chains", () => {
    for (const { dims, cost } of multiDot.cases) {
      const factors = dims.slice(0, -1).map((d, i) => matrix(`A${i}`, d, dims[i + 1]!));
      expect(numericCost(chain(...factors))).toBe(cost);
    }
  });

  it("the classic textbook chain 10×30·30×5·5×60 is cheapest as (AB)C", () => {
    const c = chain(matrix("A", 10, 30), matrix("B", 30, 5), matrix("C", 5, 60));
    const result = cheapestOrder(c);
    expect(result.kind === "unique" && result.evaluation.expression).toBe("(AB)C");
    expect(result.kind === "unique" && result.evaluation.multiplications.toString()).toBe("4500");
  });

  it("symbolic cheapest orders are cheapest at every sampled point of their region", () => {
    for (const region of [Region.of("m > n"), Region.of("m < n")]) {
      const result = cheapestOrder(threeMatrices, region);
      if (result.kind !== "unique") throw new Error("expected one cheapest order");
      for (const point of region.samples(["n", "m"], 6, 20)) {
        const numeric = threeMatrices.at(point);
        expect(result.evaluation.multiplications.evaluateNumber(point)).toBe(numericCost(numeric));
      }
    }
  });

  it("symbolic chains: the best candidate at each point costs what the numeric DP finds", () => {
    fc.assert(
      fc.property(
        symbolicChain,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (c, n, m) => {
          const point = { n, m };
          const known = Object.fromEntries(c.variables.map((v) => [v, point[v as "n" | "m"]]));
          const result = cheapestOrder(c);
          const candidates = result.kind === "unique" ? [result.evaluation] : result.candidates;
          const best = Math.min(...candidates.map((e) => e.multiplications.evaluateNumber(known)));
          expect(best).toBe(numericCost(c.at(known)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("every point's cheapest cost is among the candidates when the order depends on sizes", () => {
    const result = cheapestOrder(threeMatrices);
    if (result.kind !== "depends") throw new Error("expected candidates");
    // By hand: (AB)C costs n·m·n + n·n·m = 2n²m, A(BC) costs m·n·m + n·m·m = 2nm².
    const at = { n: 2, m: 3 };
    expect(
      result.candidates.map((c) => [c.expression, c.multiplications.evaluateNumber(at)]).sort(),
    ).toEqual([
      ["(AB)C", 24],
      ["A(BC)", 36],
    ]);
    for (const point of Region.ALL.samples(["n", "m"], 6, 20)) {
      const best = Math.min(
        ...result.candidates.map((c) => c.multiplications.evaluateNumber(point)),
      );
      expect(best).toBe(numericCost(threeMatrices.at(point)));
    }
  });
});
