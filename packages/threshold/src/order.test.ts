import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distinct, intRange, intRanges } from "./domain.js";
import { domainInputs } from "./order.js";

/** The documented order as a comparison: max |x| first, then lexicographic in 0, −1, 1, −2, 2, …. */
function compareDocumented(a: readonly number[], b: readonly number[]): number {
  const shell = (x: readonly number[]) => Math.max(...x.map(Math.abs));
  const rank = (v: number) => 2 * Math.abs(v) - (v < 0 ? 1 : 0);
  if (shell(a) !== shell(b)) return shell(a) - shell(b);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return rank(a[i]!) - rank(b[i]!);
  return 0;
}

/** Every point of the box, by brute force. */
function box(ranges: readonly (readonly [number, number])[]): number[][] {
  return ranges.reduce<number[][]>(
    (points, [lo, hi]) =>
      points.flatMap((p) => Array.from({ length: hi - lo + 1 }, (_, k) => [...p, lo + k])),
    [[]],
  );
}

describe("domainInputs (the verification order)", () => {
  it("walks {−1, 0, 1}² smallest magnitude first", () => {
    expect([...domainInputs(intRange(-1, 1, 2))]).toEqual([
      [0, 0],
      [0, -1],
      [0, 1],
      [-1, 0],
      [-1, -1],
      [-1, 1],
      [1, 0],
      [1, -1],
      [1, 1],
    ]);
  });

  it("puts a shell's inner part first even when the last coordinate has no value there", () => {
    expect([
      ...domainInputs(
        intRanges([
          [0, 2],
          [2, 3],
        ]),
      ),
    ]).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
  });

  it("visits every point of a box once, in the documented order", () => {
    const range = fc
      .tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: 0, max: 4 }))
      .map(([lo, width]) => [lo, lo + width] as const);
    fc.assert(
      fc.property(fc.array(range, { minLength: 1, maxLength: 4 }), (ranges) => {
        const walked = [...domainInputs(intRanges(ranges))];
        const expected = box(ranges).sort(compareDocumented);
        expect(walked).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it("applies the assumption", () => {
    const inputs = [...domainInputs(intRange(0, 2, 3, distinct()))];
    expect(inputs).toHaveLength(6); // 3! orderings of {0, 1, 2}
    expect(inputs[0]).toEqual([0, 1, 2]);
  });
});

describe("domains", () => {
  it("counts the box and names the assumption", () => {
    const domain = intRange(-4, 4, 6, distinct([0, 1, 2], [3, 4, 5]));
    expect(domain.size).toBe(9 ** 6);
    expect(domain.assumption?.name).toBe("x1, x2, x3 distinct; x4, x5, x6 distinct");
  });

  it("rejects bad ranges, arities and groups", () => {
    expect(() => intRange(2, 1, 3)).toThrow(
      expect.objectContaining({
        code: "domain",
        message: expect.stringContaining(
          "intRanges: input x1: 2..1 is not a range of safe integers",
        ),
      }),
    );
    expect(() => intRange(0, 1, 0)).toThrow(
      expect.objectContaining({
        code: "domain",
        message: expect.stringContaining("intRange: arity 0 is not a positive integer"),
      }),
    );
    expect(() => intRanges([[0, 1.5]])).toThrow(
      expect.objectContaining({ code: "domain", message: expect.stringMatching(/input x1/) }),
    );
    expect(() => distinct([0, -1])).toThrow(
      expect.objectContaining({
        code: "domain",
        message: expect.stringContaining("distinct: [0,-1] is not a list of input indices"),
      }),
    );
  });
});
