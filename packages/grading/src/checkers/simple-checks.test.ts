import { Polynomial } from "@nnkit/cost";
import { describe, expect, it } from "vitest";
import { fractionOf, list, matrix, num, run, text } from "../fixtures/answers.js";
import { conditionCheck } from "./condition-check.js";
import { graphCheck } from "./graph-check.js";
import { manualCheck } from "./manual-check.js";
import { numericCheck } from "./numeric-check.js";
import { solutionSetCheck } from "./solution-set-check.js";

const n = Polynomial.variable("n");
const m = Polynomial.variable("m");

describe("numericCheck", () => {
  const check = numericCheck({
    references: [
      { value: () => ({ shape: [2, 2], data: [2, 4, 6, 8] }) },
      { label: "half", value: () => ({ shape: [2, 2], data: [1, 2, 3, 4] }) },
    ],
  });

  it("accepts the reference and its alternatives, naming the alternative", () => {
    expect(
      fractionOf(
        run(
          check,
          matrix([
            [2, 4],
            [6, 8],
          ]),
        ),
      ),
    ).toBe(1);
    const half = run(check, text("\\frac{1}{2}\\begin{pmatrix}2&4\\\\6&8\\end{pmatrix}"));
    expect(half).toMatchObject({ status: "graded", fraction: 1, feedback: "correct (half)" });
    expect(half.items).toEqual([
      {
        key: "",
        verdict: "correct",
        share: 1,
        earned: 1,
        finding: { kind: "correct", accepted: "half" },
        scope: { kind: "direct" },
      },
    ]);
  });

  it("names wrong entries by position without printing the reference", () => {
    const outcome = run(
      check,
      matrix([
        [2, 4],
        [6, 9],
      ]),
    );
    expect(outcome.feedback).toBe("1 of 4 entries differ from the reference: row 2, column 2");
    expect(outcome.feedback).not.toContain("8");
  });

  it("reports a shape mismatch as such, but treats rows and columns of a vector alike", () => {
    expect(run(check, matrix([[2, 4, 6]])).feedback).toBe(
      "expected a 2×2 matrix, found a vector of 3 entries",
    );
    const vector = numericCheck({
      references: [{ value: () => ({ shape: [3, 1], data: [6, 12, 18] }) }],
    });
    expect(fractionOf(run(vector, list(num(6), num(12), num(18))))).toBe(1);
    expect(fractionOf(run(vector, matrix([[6, 12, 18]])))).toBe(1);
  });
});

describe("conditionCheck", () => {
  const check = conditionCheck({
    symbols: ["m", "n"],
    positiveWhere: () => n.mul(m).mul(2).sub(n.pow(2).mul(2)),
    meaning: "forward mode being cheaper",
  });

  it.each(["m > n", "n < m", "m \\geq n + 1", "when m > n", "2nm > 2n^2"])(
    "accepts %s",
    (answer) => {
      expect(fractionOf(run(check, text(answer)))).toBe(1);
    },
  );

  it("refuses a wrong region with a counterexample point", () => {
    const outcome = run(check, text("m < n"));
    expect(fractionOf(outcome)).toBe(0);
    expect(outcome.feedback).toMatch(/^at m = \d+, n = \d+ your condition/);
  });

  it("proves an equivalent condition over all positive integer sizes", () => {
    const outcome = run(check, text("m > n"));
    expect(outcome.items[0]!.scope).toEqual({
      kind: "proof",
      domain: "all positive integer sizes",
      assumptions: [],
    });
    expect(outcome.feedback).toBe("correct: proved for all positive integer sizes");
  });

  // Forward 2n² + nm, reverse 3nm: at m = n both cost 3n², so forward is not cheaper there.
  const withCosts = conditionCheck({
    symbols: ["m", "n"],
    positiveWhere: () =>
      n
        .mul(m)
        .mul(3)
        .sub(n.pow(2).mul(2).add(n.mul(m))),
    costs: () => ({
      "forward mode": n.pow(2).mul(2).add(n.mul(m)),
      "reverse mode": n.mul(m).mul(3),
    }),
    meaning: "forward mode being cheaper",
  });

  it("refuses m >= n at the boundary m = n, with both costs there", () => {
    const outcome = run(withCosts, text("m \\geq n"));
    expect(fractionOf(outcome)).toBe(0);
    const at = outcome.items[0]!.counterexample;
    expect(at?.kind).toBe("point");
    if (at?.kind !== "point") return;
    const point = Object.fromEntries(at.point);
    expect(point.m).toBe(point.n);
    const k = point.n!;
    expect(at.costs).toEqual([
      ["forward mode", String(3 * k * k)],
      ["reverse mode", String(3 * k * k)],
    ]);
    expect(outcome.feedback).toBe(
      `at m = ${k}, n = ${k} your condition holds, but forward mode being cheaper is false there (forward mode costs ${3 * k * k}, reverse mode costs ${3 * k * k})`,
    );
  });

  it("refuses m != n (decided as the negation of m = n)", () => {
    expect(fractionOf(run(withCosts, text("m \\neq n")))).toBe(0);
  });

  it("where the solver gives up, samples the boundary too and never passes", () => {
    const sampling = conditionCheck({
      symbols: ["m", "n"],
      positiveWhere: () => n.mul(m).mul(2).sub(n.pow(2).mul(2)),
      meaning: "forward mode being cheaper",
      solverTimeoutMs: 1,
    });
    const boundary = run(sampling, text("m \\geq n"));
    expect(fractionOf(boundary)).toBe(0);
    const right = run(sampling, text("m > n"));
    expect(right.status).toBe("review");
    expect(right.feedback).toMatch(/left for a person to grade \(sampled \d+ points\)$/);
  });
});

describe("conditionCheck's decision cache", () => {
  it("decides the same condition once, and keeps no undecided answer", () => {
    const check = conditionCheck({
      symbols: ["m", "n"],
      positiveWhere: () => m.sub(n),
      meaning: "m exceeding n",
    });
    // m > n and m - n > 0 are one request, m − n > 0: the second is answered from the cache.
    expect(fractionOf(run(check, text("m > n")))).toBe(1);
    expect(fractionOf(run(check, text("m - n > 0")))).toBe(1);
    expect(fractionOf(run(check, text("m < n")))).toBe(0);
    expect(check.decisions).toEqual({ solved: 2, cached: 1 });
    const undecided = conditionCheck({
      symbols: ["m", "n"],
      positiveWhere: () => m.sub(n),
      meaning: "m exceeding n",
      solverTimeoutMs: 1,
    });
    run(undecided, text("m > n"));
    run(undecided, text("m > n"));
    const { solved, cached } = undecided.decisions;
    // A time-out is asked again; an answer decided despite the 1 ms time-out is reused.
    expect(solved + cached).toBe(2);
    expect(solved === 2 || cached === 1).toBe(true);
  });
});

describe("graphCheck", () => {
  const check = graphCheck({
    nodes: ["x", "z1", "h", "y'"],
    edges: () => [
      ["x", "z1"],
      ["z1", "h"],
      ["h", "y'"],
    ],
  });

  it("accepts arrows and pairs, in LaTeX or plain names", () => {
    const answer = list(text("x -> z1"), list(text("\\mathbf{z}_1"), text("h")), text("h → yp"));
    expect(fractionOf(run(check, answer))).toBe(1);
  });

  it("lists missing and extra edges", () => {
    const outcome = run(check, list(text("x -> z1"), text("x -> h")));
    expect(outcome.feedback).toBe(
      "missing edges: z1 -> h, h -> y'; edges that are not in the graph: x -> h",
    );
    expect(fractionOf(outcome)).toBe(0);
    expect(fractionOf(run(check, list(text("x -> z1"), text("z1 -> h"))))).toBeCloseTo(2 / 3);
  });

  it("reports unknown nodes as invalid", () => {
    expect(run(check, list(text("x -> q"))).feedback).toContain("unknown name 'q'");
  });
});

describe("solutionSetCheck", () => {
  const w1 = Polynomial.variable("w1");
  const w2 = Polynomial.variable("w2");
  const check = solutionSetCheck({ symbols: ["w1", "w2"], zeroOf: () => w1.add(w2).sub(3) });

  it.each(["w1 + w2 = 3", "w_2 = 3 - w_1", "2w1 + 2w2 - 6 = 0", "3 = w2 + w1"])(
    "accepts %s",
    (answer) => {
      expect(fractionOf(run(check, text(answer)))).toBe(1);
    },
  );

  it.each(["w1 - w2 = 3", "w1 + w2 = 6", "w1 = 3"])("refuses %s", (answer) => {
    expect(fractionOf(run(check, text(answer)))).toBe(0);
  });

  it("needs an equation", () => {
    expect(run(check, text("w1 + w2 > 3")).status).toBe("invalid");
  });
});

describe("manualCheck", () => {
  it("keeps text for a person", () => {
    expect(run(manualCheck(), text("No, double descent."))).toMatchObject({
      status: "manual",
      feedback: "kept for a person to grade (3 words)",
    });
    expect(run(manualCheck(), list()).status).toBe("invalid");
  });
});
