import * as smt from "@nnkit/smt";
import { describe, expect, test } from "vitest";
import { conditionArity, holds, toFormula } from "./condition.js";
import { conditionAssumption, distinct, intRange } from "./domain.js";
import { domainInputs } from "./order.js";
import { parseCondition } from "./parse-condition.js";
import { conditionTarget, isPermutation, memberOf, type Target } from "./target.js";

const test1 = (target: Target, x: readonly number[]) =>
  target.kind === "predicate" && target.test(x);

describe("conditions as the enumerator's predicate", () => {
  test("x4 in {x1, x2, x3} and the written-out or agree with memberOf on −2..2⁴", () => {
    const written = conditionTarget("x4 == x1 or x4 == x2 or x4 == x3");
    const member = conditionTarget("x4 in {x1, x2, x3}");
    let count = 0;
    for (const x of domainInputs(intRange(-2, 2, 4))) {
      const expected = test1(memberOf, x);
      expect(test1(written, x)).toBe(expected);
      expect(test1(member, x)).toBe(expected);
      count++;
    }
    expect(count).toBe(625);
  });

  test("permutation(x4, x5, x6 of x1, x2, x3) agrees with isPermutation on −1..1⁶", () => {
    const written = conditionTarget("permutation(x4, x5, x6 of x1, x2, x3)");
    for (const x of domainInputs(intRange(-1, 1, 6))) {
      expect(test1(written, x)).toBe(test1(isPermutation, x));
    }
  });

  test("hand-checked points, repeats included", () => {
    const form = parseCondition("permutation(x4, x5, x6 of x1, x2, x3)");
    expect(holds(form, [1, 1, 2, 1, 2, 1])).toBe(true);
    expect(holds(form, [1, 1, 2, 1, 2, 2])).toBe(false);
    expect(holds(parseCondition("2*x1 - x2 >= 3"), [2, 1])).toBe(true);
    expect(holds(parseCondition("2*x1 - x2 >= 3"), [2, 2])).toBe(false);
    expect(conditionArity(form)).toBe(6);
  });

  test("assumptions: distinct groups and written conditions", () => {
    const assumption = conditionAssumption("distinct(x1, x2, x3) and distinct(x4, x5, x6)");
    expect(assumption.holds([1, 2, 3, 3, 2, 1])).toBe(true);
    expect(assumption.holds([1, 2, 1, 3, 2, 4])).toBe(false);
    const groups = distinct([0, 1, 2], [3, 4, 5]);
    for (const x of domainInputs(intRange(0, 2, 6))) {
      expect(holds(groups.condition!(6), x)).toBe(groups.holds(x));
    }
  });
});

describe("conditions as solver formulas", () => {
  const x = Array.from({ length: 6 }, (_, i) => smt.intVar(`x${i + 1}`));
  const equivalent = async (a: smt.Formula, b: smt.Formula) =>
    smt.check(smt.or(smt.and(a, smt.not(b)), smt.and(b, smt.not(a))), { timeoutMs: 10_000 });

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
