// Homework 1, 2.2.2–2.4: the formulas of the handout, derived by @nnkit/cost from the course's
// chains (expected values typed in by hand from the handout).
import {
  cheapestOrder,
  crossover,
  describeCrossover,
  evaluateChain,
  explainCheapest,
  explainEvaluation,
  formatBigO,
  formatCondition,
  parsePolynomial,
  Region,
} from "@nnkit/cost";
import { describe, expect, it } from "vitest";
import { hessian, hessianHalf, tradeOff, vectorHessianProduct } from "./chains.js";

const p = (text: string) => parsePolynomial(text);

describe("2.2.2 Hessian H = 2vvᵀ", () => {
  it("scaling v first costs n² + n, scaling the product 2n²; both Θ(n²) in time and memory", () => {
    const scaleFirst = evaluateChain(hessian, "left-to-right");
    const scaleLast = evaluateChain(hessian, "right-to-left");
    expect(scaleFirst.expression).toBe("(2v)vᵀ");
    expect(scaleFirst.multiplications.equals(p("n^2 + n"))).toBe(true);
    expect(scaleLast.expression).toBe("2(vvᵀ)");
    expect(scaleLast.multiplications.equals(p("2*n^2"))).toBe(true);
    expect(scaleFirst.memory.allStored.equals(p("n^2 + 2*n"))).toBe(true);
    for (const e of [scaleFirst, scaleLast]) {
      expect(formatBigO(e.multiplications)).toBe("O(n²)");
      expect(formatBigO(e.memory.allStored)).toBe("O(n²)");
    }
    expect(evaluateChain(hessianHalf, "left-to-right").multiplications.equals(p("n^2"))).toBe(true);
  });
});

describe("2.3 z = vvᵀy", () => {
  const reverse = evaluateChain(vectorHessianProduct, "right-to-left");
  const forward = evaluateChain(vectorHessianProduct, "left-to-right");

  it("reverse mode: 2n multiplications, 3n + 1 memory", () => {
    expect(reverse.expression).toBe("v(vᵀy)");
    expect(reverse.multiplications.toString()).toBe("2n");
    expect(reverse.memory.allStored.toString()).toBe("3n + 1");
  });

  it("forward mode: 2n² multiplications, n² + 3n memory", () => {
    expect(forward.expression).toBe("(vvᵀ)y");
    expect(forward.multiplications.toString()).toBe("2n²");
    expect(forward.memory.allStored.toString()).toBe("n² + 3n");
  });

  it("explains each step", () => {
    expect(explainEvaluation(reverse)).toContain(
      "1. vᵀy = vᵀ · y: [1×n]·[n×1] → [1×1], n multiplications, 1 stored",
    );
  });
});

describe("2.4 Z = vvᵀy1y2ᵀ", () => {
  const reverse = evaluateChain(tradeOff, "right-to-left");
  const forward = evaluateChain(tradeOff, "left-to-right");

  it("reverse mode: 3nm multiplications, 2n + 2m + 2nm memory", () => {
    expect(reverse.multiplications.toString()).toBe("3nm");
    expect(reverse.memory.allStored.equals(p("2*n + 2*m + 2*n*m"))).toBe(true);
  });

  it("forward mode: 2n² + nm = n(2n + m) multiplications, n² + nm + 3n + m memory", () => {
    expect(forward.multiplications.toString()).toBe("2n² + nm");
    expect(forward.multiplications.toFactoredString()).toBe("n(2n + m)");
    expect(forward.memory.allStored.toString()).toBe("n² + nm + 3n + m");
  });

  it("forward mode is cheaper exactly when m > n, in time and in memory", () => {
    const time = crossover(forward.multiplications, reverse.multiplications);
    expect(formatCondition(time.firstCheaper)).toBe("m > n");
    expect(formatCondition(time.equal)).toBe("m = n");
    expect(formatCondition(time.secondCheaper)).toBe("m < n");
    expect(time.samplesChecked).toBeGreaterThan(100);
    // (2n + 2m + 2nm) − (n² + nm + 3n + m) = (n + 1)(m − n)
    const memory = crossover(forward.memory.allStored, reverse.memory.allStored);
    expect(formatCondition(memory.firstCheaper)).toBe("m > n");
    expect(describeCrossover(time, ["forward mode", "reverse mode"])).toBe(
      "forward mode is cheaper than reverse mode iff m > n; they cost the same iff m = n.",
    );
  });

  it("the cheapest order depends on the region: v((vᵀy1)y2ᵀ) for m ≤ n, (v(vᵀy1))y2ᵀ for m > n", () => {
    const anywhere = cheapestOrder(tradeOff);
    expect(anywhere.kind).toBe("depends");
    if (anywhere.kind !== "depends") return;
    expect(anywhere.candidates.map((c) => `${c.expression}: ${c.multiplications}`)).toEqual([
      "v((vᵀy1)y2ᵀ): nm + n + m",
      "(v(vᵀy1))y2ᵀ: nm + 2n",
    ]);
    const wide = cheapestOrder(tradeOff, Region.of("m > n"));
    expect(wide.kind === "unique" && wide.evaluation.expression).toBe("(v(vᵀy1))y2ᵀ");
    expect(wide.kind === "unique" && wide.evaluation.multiplications.toString()).toBe("nm + 2n");
    const tall = cheapestOrder(tradeOff, Region.of("m <= n"));
    expect(tall.kind === "unique" && tall.evaluation.expression).toBe("v((vᵀy1)y2ᵀ)");
    expect(tall.kind === "unique" && tall.evaluation.multiplications.toString()).toBe("nm + n + m");
    expect(explainCheapest(anywhere)).toBe(
      [
        "No single order is cheapest; it depends on the sizes:",
        "- v((vᵀy1)y2ᵀ) (nm + n + m) is cheapest when n ≥ m",
        "- (v(vᵀy1))y2ᵀ (nm + 2n) is cheapest when m ≥ n",
      ].join("\n"),
    );
    expect(explainCheapest(wide)).toBe(
      "The cheapest order when m > n is (v(vᵀy1))y2ᵀ, with nm + 2n multiplications.",
    );
  });
});
