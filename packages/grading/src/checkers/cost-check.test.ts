import { Polynomial } from "@nnkit/cost";
import { describe, expect, it } from "vitest";
import { fractionOf, run, text } from "../fixtures/answers.js";
import { costCheck } from "./cost-check.js";

const n = Polynomial.variable("n");
const m = Polynomial.variable("m");
/** 2.4 forward: 2n² + nm, and an alternative convention n² + nm. */
const exact = costCheck({
  symbols: ["m", "n"],
  accepted: () => [n.pow(2).mul(2).add(n.mul(m)), n.pow(2).add(n.mul(m))],
  allowBigO: false,
  bigOCredit: 0.25,
  sameGrowthCredit: 0.5,
});
const bigOAllowed = costCheck({
  symbols: ["n"],
  accepted: () => [n.pow(2).mul(2)],
  allowBigO: true,
});

describe("costCheck", () => {
  it.each(["2n^2 + nm", "n(2n + m)", "2 n n + m n", "n^2 + nm", "\\frac{4n^2 + 2nm}{2}"])(
    "gives full credit to %s (an accepted count in any form)",
    (answer) => {
      expect(fractionOf(run(exact, text(answer)))).toBe(1);
    },
  );

  it("gives partial credit to the right growth with wrong constants or lower-order terms", () => {
    const outcome = run(exact, text("3n^2 + nm + 7"));
    expect(fractionOf(outcome)).toBe(0.5);
    expect(outcome.feedback).toContain("constant factors and lower-order terms");
  });

  it("gives configurable credit to a right big-O where an exact count is asked", () => {
    const outcome = run(exact, text("O(n^2 + nm)"));
    expect(fractionOf(outcome)).toBe(0.25);
    expect(outcome.feedback).toContain("asks for an exact count");
  });

  it("gives full credit to a right big-O where big-O is allowed, in any spelling", () => {
    for (const answer of ["O(n^2)", "\\mathcal{O}(n^2)", "Θ(n²)", "O(3n^2 + n)"]) {
      expect(fractionOf(run(bigOAllowed, text(answer)))).toBe(1);
    }
  });

  it("gives nothing for the wrong growth and says which growth was found", () => {
    const outcome = run(bigOAllowed, text("n^3"));
    expect(fractionOf(outcome)).toBe(0);
    expect(outcome.feedback).toContain("O(n³)");
    expect(fractionOf(run(bigOAllowed, text("O(n)")))).toBe(0);
    expect(fractionOf(run(exact, text("3mn")))).toBe(0);
  });

  it("reports unreadable answers as invalid with the position", () => {
    const outcome = run(exact, text("2n^2 + nk"));
    expect(outcome.status).toBe("invalid");
    expect(outcome.feedback).toContain("unknown name 'nk'");
    expect(outcome.feedback).toContain("at position 7");
    expect(run(exact, text("n^(10^10)")).status).toBe("invalid");
    expect(run(exact, text("n / m")).status).toBe("invalid");
  });
});
