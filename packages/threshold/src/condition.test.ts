import { describe, expect, test } from "vitest";
import { conditionArity, holds } from "./condition.js";
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
