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
  it("is 5 for the vector (3, 4) and accepts integers", () => {
    expect(nd.norm(nd.tensor([3, 4], { dtype: "int32" })).item()).toBe(5);
  });

  it("refuses unsupported orders and axis counts", () => {
    expect(() => nd.norm(nd.ones([2, 2]), 2)).toThrowError(
      /norm: matrix norm order 2 is not supported/,
    );
    expect(() => nd.norm(nd.ones([2]), "fro", 0)).toThrowError(
      'norm: order "fro" needs a matrix, got axis 0',
    );
    expect(() => nd.norm(nd.ones([2, 2, 2]), 1)).toThrowError(
      /norm: needs one axis \(vector\) or two \(matrix\), shape \[2, 2, 2\]/,
    );
  });
});
