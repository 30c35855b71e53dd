import { describe, expect, it } from "vitest";
import { conditionHolds, crossover, formatCondition } from "./crossover.js";
import { describeCrossover } from "./explain.js";
import { parsePolynomial } from "./parse-polynomial.js";
import { Region } from "./region.js";

const p = (text: string) => parsePolynomial(text);

describe("crossover", () => {
  it("reduces 3nm − (2n² + nm) = 2n(m − n) to m > n", () => {
    const x = crossover(p("2*n^2 + n*m"), p("3*n*m"));
    expect(x.difference.toFactoredString()).toBe("-2n(n - m)");
    expect(formatCondition(x.firstCheaper)).toBe("m > n");
    expect(formatCondition(x.firstCheaper, { latex: true })).toBe("m > n");
    expect(conditionHolds(x.firstCheaper, { n: 2, m: 5 })).toBe(true);
    expect(conditionHolds(x.secondCheaper, { n: 2, m: 5 })).toBe(false);
  });

  it("solves for a variable with a positive coefficient: (n + 1)m > n² + n gives m > n", () => {
    const x = crossover(p("n^2 + n*m + 3*n + m"), p("2*n + 2*m + 2*n*m"));
    expect(formatCondition(x.firstCheaper)).toBe("m > n");
  });

  it("keeps a two-sided form when the quotient is not a polynomial", () => {
    const x = crossover(p("4*n"), p("n*m + 3"));
    expect(formatCondition(x.firstCheaper)).toBe("nm + 3 > 4n");
  });

  it("avoids fractions: 2n − m − 1 > 0 reads m < 2n − 1", () => {
    const x = crossover(p("m*n^2 + m^2*n + m*n"), p("2*m*n^2 + m*n^2"));
    expect(formatCondition(x.firstCheaper)).toBe("m < 2n - 1");
  });

  it("says always or never when the region decides it", () => {
    expect(crossover(p("n"), p("n^2 + 1")).firstCheaper).toEqual({ kind: "always" });
    expect(crossover(p("n*m"), p("n"), Region.of("m > 1")).firstCheaper).toEqual({ kind: "never" });
    const wide = crossover(p("2*n^2 + n*m"), p("3*n*m"), Region.of("m > n"));
    expect(formatCondition(wide.firstCheaper)).toBe("always");
    const same = crossover(p("n*m + n"), p("n*(m + 1)"));
    expect([same.firstCheaper, same.equal, same.secondCheaper].map((c) => c.kind)).toEqual([
      "never",
      "always",
      "never",
    ]);
    expect(describeCrossover(same, ["A", "B"])).toBe("A and B always cost the same.");
    expect(describeCrossover(wide, ["forward", "reverse"])).toBe(
      "forward is always cheaper than reverse.",
    );
  });

  it("settles conditions that whole sizes decide: 2.3's forward 2n² is never below reverse 2n", () => {
    const x = crossover(p("2*n^2"), p("2*n"));
    expect(x.firstCheaper).toEqual({ kind: "never" });
    expect(formatCondition(x.equal)).toBe("n = 1");
    expect(formatCondition(x.secondCheaper)).toBe("n > 1");
  });

  it("reads a threshold on one size: n² < 10n iff n < 10", () => {
    const x = crossover(p("n^2"), p("10*n"));
    expect(formatCondition(x.firstCheaper)).toBe("n < 10");
    expect(formatCondition(x.equal)).toBe("n = 10");
    expect(formatCondition(x.secondCheaper)).toBe("n > 10");
  });
});
