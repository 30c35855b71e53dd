import * as smt from "@nnkit/smt";
import { beforeAll, describe, expect, test } from "vitest";
import { toFormula } from "./condition.js";
import { type Decision, decide } from "./decide.js";
import { evaluate, trace } from "./evaluate.js";
import {
  memberOfThree,
  memberOfThreeQuestion,
  memberOfThreeTolerant,
  permutationOfThree,
  permutationOfThreeByMembership,
  permutationOfThreeQuestion,
} from "./fixtures/example-networks.js";
import { withTinyZeros } from "./fixtures/hostile.js";
import { type LayerSpec, type Network, network } from "./network.js";
import { parseCondition } from "./parse-condition.js";
import { question } from "./question.js";
import type { Scalar } from "./rational.js";
import { isPermutation, memberOf, predicate, type Target } from "./target.js";

const PHI = "indicator[-1,1]";

// z3's start (once per test worker) is paid here, not in a test. Solver calls are bounded by
// wall-clock time-outs, so the tests give them room (a loaded machine is many times slower) and
// themselves a higher ceiling than the default; on an idle machine each takes about a second.
beforeAll(() => smt.check(smt.TRUE), 120_000);
const solver = { timeout: 90_000 };
const roomy = { timeoutMs: 30_000, enumerationBudgetMs: 60_000 };

/** The membership network with row `unit` of W(1) replaced. */
function elementInListWithRow(unit: number, row: readonly Scalar[]): Network {
  const weights: Scalar[][] = [
    [-2, 0, 0, 2],
    [0, -2, 0, 2],
    [0, 0, -2, 2],
  ];
  weights[unit] = [...row];
  return network([
    { weights, bias: 0, activation: PHI },
    { weights: [[-2, -2, -2]], bias: 2, activation: PHI },
  ]);
}

/** The permutation network (by equalities) with one entry of the equality layer changed. */
function permutationWithWeight(unit: number, input: number, weight: Scalar): Network {
  const [equalities, ...rest] = permutationOfThree.layers;
  const weights = equalities!.weights.map((row, u) =>
    row.map((w, j): Scalar => (u === unit && j === input ? weight : w)),
  );
  const changed: LayerSpec = {
    weights,
    bias: equalities!.bias,
    activation: equalities!.activations,
  };
  return network([changed, ...rest]);
}

function maxAbs(input: readonly bigint[]): bigint {
  let largest = 0n;
  for (const v of input) if ((v < 0n ? -v : v) > largest) largest = v < 0n ? -v : v;
  return largest;
}

/**
 * The decision must be a refutation whose counterexample is one by an independent check: the
 * built-in predicate (not the logical form) against `evaluate` (inputs small enough for numbers).
 */
function refutation(decision: Decision, net: Network, target: Target) {
  expect(decision.verdict).toBe("refuted");
  if (decision.verdict !== "refuted" || target.kind !== "predicate") throw new Error("unreachable");
  const { input, expected, actual } = decision.counterexample;
  expect(expected).not.toEqual(actual);
  const x = input.map(Number);
  expect((target.test(x) ? 1 : 0) === evaluate(net, x)[0]).toBe(false);
  return decision;
}

describe("decide: the reference networks are proved over all integers", solver, () => {
  test.each([
    ["membership, distinct list", memberOfThree],
    ["membership, repeats tolerated", memberOfThreeTolerant],
  ])("%s", async (_, net) => {
    expect(await decide(net, memberOfThreeQuestion, roomy)).toEqual({
      verdict: "proved",
      scope: { domain: "all integers", assumptions: ["distinct(x1, x2, x3)"] },
      enumerated: { lo: -3, hi: 3, count: 7 * 6 * 5 * 7 },
    });
  });

  test.each([
    ["permutation by equalities", permutationOfThree],
    ["permutation by membership modules", permutationOfThreeByMembership],
  ])("%s", async (_, net) => {
    const decision = await decide(net, permutationOfThreeQuestion, roomy);
    expect(decision).toMatchObject({
      verdict: "proved",
      scope: {
        domain: "all integers",
        assumptions: ["distinct(x1, x2, x3) and distinct(x4, x5, x6)"],
      },
    });
  });
});

describe(
  "decide: networks right on the box and wrong outside are refuted, smallest first",
  solver,
  () => {
    test("membership with row [-2, 0.2, 0, 2]: by hand, |x2| = 5 is the smallest wrong size", async () => {
      // h1 = φ(2(x4 − x1) + x2/5): for |x2| ≤ 4 it fires iff x4 = x1. At x4 − x1 = ±1 and
      // x2 = ∓5 it fires falsely (|±2 ∓ 1| = 1), so y says "member" for a non-member.
      const net = elementInListWithRow(0, [-2, "0.2", 0, 2]);
      const decision = refutation(await decide(net, memberOfThreeQuestion, roomy), net, memberOf);
      expect(decision).toMatchObject({ foundBy: "solver", minimal: true });
      expect(maxAbs(decision.counterexample.input)).toBe(5n);
      expect(decision.counterexample.input[1]).toSatisfy((v: bigint) => v === 5n || v === -5n);
    });

    test("membership with a unit computing 2.15·x4 − 2·x3 misses x3 = x4 = ±7", async () => {
      // h3 = φ(0.15·t) at x3 = x4 = t fails for |t| ≥ 7; its false fires need |x3| ≥ 8.
      const net = elementInListWithRow(2, [0, 0, -2, "2.15"]);
      const decision = refutation(await decide(net, memberOfThreeQuestion, roomy), net, memberOf);
      expect(decision).toMatchObject({ foundBy: "solver", minimal: true });
      const [, , x3, x4] = decision.counterexample.input;
      expect(x3).toBe(x4);
      expect(x3 === 7n || x3 === -7n).toBe(true);
      expect(decision.counterexample).toMatchObject({ expected: [1], actual: [0] });
    });

    test("permutation with e(x1 = x4) also weighing x2 by 0.25 is wrong at |x2| = 4", async () => {
      // e = φ(2(x4 − x1) + x2/4): for |x2| ≤ 3 it is exactly x1 = x4; at x4 − x1 = 1, x2 = −4 it
      // fires falsely (2 − 1 = 1), e.g. (0, −4, 2, 1, −4, 2) is called a permutation; for |x2| ≥ 5
      // it also misses true matches.
      const net = permutationWithWeight(0, 1, "0.25");
      const decision = refutation(
        await decide(net, permutationOfThreeQuestion, roomy),
        net,
        isPermutation,
      );
      expect(decision).toMatchObject({ foundBy: "solver", minimal: true });
      expect(maxAbs(decision.counterexample.input)).toBe(4n);
      const wrongAtHand = await decide(net, permutationOfThreeQuestion, { ...roomy, box: [-4, 4] });
      expect(wrongAtHand).toMatchObject({ verdict: "refuted", foundBy: "enumeration" });
    });

    test("a weight of 1e-300 is exact: wrong only from |x2| = 10^300, and the solver finds it", async () => {
      // h1 = φ(2(x4 − x1) + 10⁻³⁰⁰·x2): at x4 − x1 = ±1 it fires falsely once x2 = ∓10³⁰⁰
      // (|±2 ∓ 1| = 1); it misses x1 = x4 only for |x2| > 10³⁰⁰. So the smallest is |x2| = 10³⁰⁰,
      // with x4 − x1 = ∓1.
      const net = elementInListWithRow(0, [-2, "1e-300", 0, 2]);
      const decision = await decide(net, memberOfThreeQuestion, roomy);
      if (decision.verdict !== "refuted")
        throw new Error(`expected refuted, got ${decision.verdict}`);
      expect(decision).toMatchObject({ foundBy: "solver", minimal: true });
      const [x1, x2, , x4] = decision.counterexample.input;
      expect(maxAbs(decision.counterexample.input)).toBe(10n ** 300n);
      expect(x2! * (x4! - x1!)).toBe(-(10n ** 300n));
      // Checked independently in bigints: the unit fires falsely (so y is wrong whether or not
      // x4 is another member).
      const { input, expected, actual } = decision.counterexample;
      const member = input.slice(0, 3).includes(input[3]!);
      expect(expected).toEqual([member ? 1 : 0]);
      expect(trace(net, [...input]).output.map(String)).toEqual([String(actual[0])]);
      expect(actual).not.toEqual(expected);
    });

    test("the enumerator answers first when the box already shows the mistake", async () => {
      const net = elementInListWithRow(0, [-1, 0, 0, 1]); // φ(x4 − x1) also fires at x4 = x1 ± 1
      const decision = await decide(net, memberOfThreeQuestion, roomy);
      expect(decision).toMatchObject({ verdict: "refuted", foundBy: "enumeration", minimal: true });
      if (decision.verdict === "refuted") expect(maxAbs(decision.counterexample.input)).toBe(1n);
    });
  },
);

describe("decide: what it will not claim", solver, () => {
  test("a solver time-out is unknown and names the enumerated box", async () => {
    const decision = await decide(permutationOfThree, permutationOfThreeQuestion, {
      timeoutMs: 1,
      box: [-1, 1],
    });
    expect(decision).toMatchObject({
      verdict: "unknown",
      reason: "timeout",
      enumerated: { lo: -1, hi: 1 },
    });
  });

  test("a used-up work limit is unknown, whatever the time allowed: the answer cannot depend on load", async () => {
    const limited = { workLimit: 1000, box: [-1, 1] as const };
    const [short, long] = await Promise.all([
      decide(permutationOfThree, permutationOfThreeQuestion, { ...limited, timeoutMs: 20_000 }),
      decide(permutationOfThree, permutationOfThreeQuestion, { ...limited, timeoutMs: 60_000 }),
    ]);
    expect(short).toMatchObject({ verdict: "unknown", reason: "work limit" });
    expect(long).toEqual(short);
  });

  test("a target without a logical form is unknown after the box", async () => {
    const custom = question({
      target: predicate("member", (x) => x[3] === x[0] || x[3] === x[1] || x[3] === x[2]),
      arity: 4,
      assumption: "distinct(x1, x2, x3)",
    });
    expect(await decide(memberOfThree, custom, roomy)).toMatchObject({
      verdict: "unknown",
      reason: "no logical form",
    });
  });

  test("a question allowing only φ: eq=0 units are refused before anything is decided", async () => {
    const withEquals = network([
      { weights: memberOfThree.layers[0]!.weights, activation: "eq=0" },
      memberOfThree.layers[1]!,
    ]);
    expect(await decide(withEquals, memberOfThreeQuestion, roomy)).toEqual({
      verdict: "disallowed activation",
      layer: 1,
      unit: 1,
      activation: "eq=0",
      allowed: ["indicator[-1,1]"],
    });
    // A question allowing other activations: the same idea with eq=0 is decided.
    const equalities = network([
      {
        weights: permutationOfThree.layers[0]!.weights,
        activation: "eq=0",
      },
      ...permutationOfThree.layers.slice(1),
    ]);
    expect((await decide(equalities, permutationOfThreeQuestion, roomy)).verdict).toBe("proved");
  });
});

describe("conditions as solver formulas", solver, () => {
  const x = Array.from({ length: 6 }, (_, i) => smt.intVar(`x${i + 1}`));
  const equivalent = async (a: smt.Formula, b: smt.Formula) =>
    smt.check(smt.or(smt.and(a, smt.not(b)), smt.and(b, smt.not(a))), roomy);

  test("memberOf's logical form is the written-out or, over all integers", async () => {
    const written = toFormula(parseCondition("x4 == x1 or x4 == x2 or x4 == x3"), x);
    const member = toFormula(
      (memberOf as Extract<Target, { kind: "predicate" }>).condition!(4)!,
      x,
    );
    expect(await equivalent(written, member)).toEqual({ status: "unsat" });
  });

  test("with distinct lists, permutation is the three memberships", async () => {
    const permutation = toFormula(parseCondition("permutation(x4, x5, x6 of x1, x2, x3)"), x);
    const memberships = toFormula(
      parseCondition(
        "x1 in {x4, x5, x6} and x2 in {x4, x5, x6} and x3 in {x4, x5, x6} and distinct(x1, x2, x3) and distinct(x4, x5, x6)",
      ),
      x,
    );
    const assumed = toFormula(parseCondition("distinct(x1, x2, x3) and distinct(x4, x5, x6)"), x);
    expect(await equivalent(smt.and(assumed, permutation), memberships)).toEqual({
      status: "unsat",
    });
    // Without distinctness they differ, e.g. at (1, 1, 2, 1, 2, 2).
    const loose = toFormula(
      parseCondition("x1 in {x4, x5, x6} and x2 in {x4, x5, x6} and x3 in {x4, x5, x6}"),
      x,
    );
    expect((await equivalent(permutation, loose)).status).toBe("sat");
  });
});

describe("hostile tiny weights, decided", solver, () => {
  test("the solver then refutes the 1e-300 network far outside the box", async () => {
    const net = withTinyZeros(permutationOfThree, "1e-300");
    const decision = await decide(net, permutationOfThreeQuestion, roomy);
    expect(decision).toMatchObject({ verdict: "refuted", foundBy: "solver" });
  });
});
