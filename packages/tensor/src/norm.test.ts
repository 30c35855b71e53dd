import { describe, expect, it } from "vitest";
import { decode, decodeValue, expectTensor, fixtures } from "./fixtures/fixtures.js";
import * as nd from "./index.js";

describe("norm against NumPy", () => {
  it.each(fixtures.norm.map((c) => [c.x.shape, c.ord, c.axis, c.keepdims, c]))(
    "shape %j ord %j axis %j keepdims %j",
    (_s, _o, _a, _k, c) => {
      const ord = c.ord === null ? undefined : c.ord === "fro" ? "fro" : decodeValue(c.ord);
      expectTensor(nd.norm(decode(c.x), ord, c.axis ?? undefined, c.keepdims), c.out, 1e-12);
    },
  );
});

describe("norm by hand", () => {
  it("ord 2 of a matrix is its largest singular value: 3 for diag(3, -2), and nuc their sum", () => {
    const d = nd.tensor([
      [3, 0],
      [0, -2],
    ]);
    expect(nd.norm(d, 2).item()).toBeCloseTo(3, 15);
    expect(nd.norm(d, -2).item()).toBeCloseTo(2, 15);
    expect(nd.norm(d, "nuc").item()).toBeCloseTo(5, 15);
    // A rank-one matrix u·vᵀ has a single singular value ‖u‖·‖v‖ = 5·√2.
    const rankOne = nd.outer(nd.tensor([3, 4]), nd.tensor([1, 1]));
    expect(nd.norm(rankOne, 2).item()).toBeCloseTo(5 * Math.SQRT2, 14);
    expect(nd.norm(rankOne, "nuc").item()).toBeCloseTo(5 * Math.SQRT2, 14);
  });

  it("is 5 for the vector (3, 4) and accepts integers", () => {
    expect(nd.norm(nd.tensor([3, 4], { dtype: "int32" })).item()).toBe(5);
  });

  it("refuses unsupported orders and axis counts", () => {
    expect(() => nd.norm(nd.ones([2, 2]), 3)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining(
          'norm: matrix norm order 3 is not supported (use "fro", "nuc", 2, -2, 1, -1, Infinity or -Infinity)',
        ),
      }),
    );
    expect(() => nd.norm(nd.ones([2]), "nuc", 0)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining('norm: order "nuc" needs a matrix, got axis 0'),
      }),
    );
    expect(() => nd.norm(nd.ones([2]), "fro", 0)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining('norm: order "fro" needs a matrix, got axis 0'),
      }),
    );
    expect(() => nd.norm(nd.ones([2, 2, 2]), 1)).toThrowError(
      expect.objectContaining({
        code: "axis",
        message: expect.stringMatching(
          /norm: needs one axis \(vector\) or two \(matrix\), shape \[2, 2, 2\]/,
        ),
      }),
    );
  });
});
