import { describe, expect, it } from "vitest";
import { indicator } from "./activation.js";
import {
  allEqual,
  and,
  isPermutation,
  isSorted,
  majority,
  memberOf,
  or,
  sortedAscending,
  type Target,
  xor,
} from "./target.js";

function holds(target: Target, input: number[]): boolean {
  if (target.kind !== "predicate") throw new Error("not a predicate");
  return target.test(input);
}

describe("built-in targets", () => {
  it.each([
    [memberOf, [1, 2, 3, 2], true],
    [memberOf, [1, 2, 3, 4], false],
    [memberOf, [5, 5], true],
    [isPermutation, [1, 2, 3, 3, 1, 2], true],
    [isPermutation, [1, 1, 2, 1, 2, 2], false],
    [isPermutation, [1, 1, 2, 2, 1, 1], true],
    [isPermutation, [1, 2, 3, 1, 2, 4], false],
    [isSorted, [-2, 0, 0, 5], true],
    [isSorted, [0, -1], false],
    [and, [1, 1, 1], true],
    [and, [1, 0, 1], false],
    [or, [0, 0, 1], true],
    [or, [0, 0, 0], false],
    [xor, [1, 1, 1], true],
    [xor, [1, 0, 1], false],
    [majority, [1, 0, 1], true],
    [majority, [1, 0, 0, 1], false],
    [allEqual, [4, 4, 4], true],
    [allEqual, [4, 4, 3], false],
  ] as const)("case %#: %j", (target, input, expected) => {
    expect(holds(target, [...input])).toBe(expected);
  });

  it("sortedAscending writes the sorted inputs", () => {
    const out = new Float64Array(4);
    if (sortedAscending.kind === "function") sortedAscending.compute([3, -1, 10, 2], out);
    expect(Array.from(out)).toEqual([-1, 2, 3, 10]);
  });

  it("says which arities do not fit", () => {
    const check = (t: Target, n: number) => (t.kind === "predicate" ? t.checkArity?.(n) : "n/a");
    expect(check(isPermutation, 5)).toBe("needs two lists of equal length");
    expect(check(isPermutation, 6)).toBeUndefined();
    expect(check(memberOf, 1)).toMatch(/at least 2 inputs/);
  });

  it("an empty interval is refused where it is built", () => {
    expect(() => indicator(2, 1)).toThrow(
      expect.objectContaining({
        code: "activation",
        message: expect.stringContaining("indicator: low end 2 is above high end 1"),
      }),
    );
  });
});
