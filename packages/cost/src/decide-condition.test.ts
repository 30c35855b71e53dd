import { Rational } from "@nnkit/math";
import { beforeAll, describe, expect, test } from "vitest";
import { constant, variable } from "./constructors.js";
import { decideCondition } from "./decide-condition.js";
import { Region } from "./region.js";

const n = variable("n");
const m = variable("m");
// Homework 2.4's costs as the issue states them: forward 2n² + nm, reverse 3nm multiplications;
// forward is cheaper iff 3nm > 2n² + nm, i.e. m > n (and at m = n both are 3n²).
const forward = n.pow(2).mul(2).add(n.mul(m));
const reverse = n.mul(m).mul(3);
const forwardCheaper = { left: reverse, relation: ">" as const, right: forward };
const costs = { forward, reverse };

// Solver calls are bounded by wall-clock time-outs: room for a loaded machine (well under a
// second each on an idle one), and z3's start paid once, before the tests.
const timeoutMs = 30_000;

describe("decideCondition", { timeout: 90_000 }, () => {
  beforeAll(() => decideCondition(forwardCheaper, forwardCheaper, { timeoutMs: 1 }), 120_000);

  test("m > n is forward-cheaper exactly, over all positive integers", async () => {
    expect(
      await decideCondition({ left: m, relation: ">", right: n }, forwardCheaper, { timeoutMs }),
    ).toEqual({
      verdict: "equivalent",
      scope: { domain: "positive integers", variables: ["m", "n"], constraints: [] },
    });
  });

  test("m >= n is refused at the boundary n = m, where both modes cost 3n²", async () => {
    const decision = await decideCondition({ left: m, relation: ">=", right: n }, forwardCheaper, {
      costs,
      timeoutMs,
    });
    expect(decision).toMatchObject({
      verdict: "different",
      candidateHolds: true,
      referenceHolds: false,
      minimal: true,
    });
    if (decision.verdict !== "different") throw new Error("unreachable");
    const { n: atN, m: atM } = decision.point;
    expect(atN).toBe(atM);
    // The smallest such point is n = m = 1; its costs, by hand: 2 + 1 = 3 and 3.
    expect(decision.point).toEqual({ m: 1n, n: 1n });
    expect(decision.costs).toEqual({ forward: Rational.of(3n), reverse: Rational.of(3n) });
  });

  test("m > n + 1 misses m = n + 1: the smallest point is n = 1, m = 2", async () => {
    const decision = await decideCondition(
      { left: m, relation: ">", right: n.add(1) },
      forwardCheaper,
      { costs, timeoutMs },
    );
    expect(decision).toMatchObject({
      verdict: "different",
      point: { n: 1n, m: 2n },
      candidateHolds: false,
      referenceHolds: true,
      // forward 2·1 + 1·2 = 4 < reverse 3·1·2 = 6
      costs: { forward: Rational.of(4n), reverse: Rational.of(6n) },
    });
  });

  test("of two smallest points, the least in name order: m + n < 3 and m + n < 4 differ at (1, 2)", async () => {
    // They differ exactly where m + n = 3: (m, n) = (1, 2) and (2, 1), both of largest size 2.
    const below = (k: number) => ({ left: m.add(n), relation: "<" as const, right: constant(k) });
    for (const [a, b] of [
      [below(3), below(4)],
      [below(4), below(3)],
    ] as const) {
      const decision = await decideCondition(a, b, { timeoutMs });
      expect(decision).toMatchObject({ verdict: "different", point: { m: 1n, n: 2n } });
    }
  });

  test("a region's constraints restrict the sizes: with n ≥ 3, m >= n differs first at n = m = 3", async () => {
    const decision = await decideCondition({ left: m, relation: ">=", right: n }, forwardCheaper, {
      region: Region.of("n >= 3"),
      timeoutMs,
    });
    expect(decision).toMatchObject({ verdict: "different", point: { n: 3n, m: 3n } });
  });

  test("a solver time-out is unknown, never equivalent", async () => {
    // n³ + m³ = k³ has no positive solution (Euler); z3 cannot show it within 300 ms.
    const k = variable("k");
    const cubes = { left: n.pow(3).add(m.pow(3)), relation: "=" as const, right: k.pow(3) };
    const never = { left: constant(0), relation: ">" as const, right: constant(1) };
    const decision = await decideCondition(cubes, never, { timeoutMs: 300 });
    expect(decision.verdict).toBe("unknown");
  });
});
