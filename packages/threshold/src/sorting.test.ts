import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { sequence } from "./compose.js";
import { evaluate } from "./evaluate.js";
import { oddEvenSort } from "./fixtures/example-networks.js";
import { comparatorStage } from "./sorting.js";

describe("comparatorStage", () => {
  test("puts the smaller value on the lower wire and leaves the other wires alone", () => {
    const stage = comparatorStage(3, [[0, 2]]);
    // (5, 7, −1): wires 0 and 2 swap, wire 1 passes through.
    expect(evaluate(stage, [5, 7, -1])).toEqual([-1, 7, 5]);
    expect(evaluate(stage, [-1, 7, 5])).toEqual([-1, 7, 5]);
  });

  test("a bubble network of three stages sorts any three integers", () => {
    const sortThree = sequence(
      comparatorStage(3, [[0, 1]]),
      comparatorStage(3, [[1, 2]]),
      comparatorStage(3, [[0, 1]]),
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 3, maxLength: 3 }),
        (x) => {
          expect(evaluate(sortThree, x)).toEqual([...x].sort((a, b) => a - b));
        },
      ),
    );
  });

  test("odd-even transposition sort on 4 and 5 wires sorts any integers", () => {
    for (const n of [4, 5]) {
      const net = oddEvenSort(n);
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }),
          (x) => {
            expect(evaluate(net, x)).toEqual([...x].sort((a, b) => a - b));
          },
        ),
        { numRuns: 50 },
      );
    }
  });

  test("refuses comparators that overlap or leave the wires", () => {
    expect(() =>
      comparatorStage(4, [
        [0, 1],
        [1, 2],
      ]),
    ).toThrow(
      expect.objectContaining({
        code: "argument",
        message: "comparatorStage: wire 1 is in two comparators of one stage",
      }),
    );
    expect(() => comparatorStage(4, [[2, 1]])).toThrow(
      expect.objectContaining({
        code: "argument",
        message: "comparatorStage: comparator (2, 1) needs 0 ≤ i < j < 4",
      }),
    );
  });
});
