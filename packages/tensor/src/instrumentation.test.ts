import { describe, expect, it } from "vitest";
import * as nd from "./index.js";

describe("countOps", () => {
  const a = nd.ones([2, 3]);
  const b = nd.ones([3, 4]);

  it("counts a·b·c multiplications per matmul batch and the result's allocation", () => {
    expect(nd.countOps(() => nd.matmul(a, b))).toMatchObject({
      multiplications: 24,
      allocatedElements: 8,
    });
    const batched = nd.countOps(() => nd.matmul(nd.ones([5, 2, 3]), b));
    expect(batched.multiplications).toBe(5 * 24);
  });

  it("counts one multiplication per output entry of mul, div and outer, none for add", () => {
    expect(nd.countOps(() => nd.mul(a, 2)).multiplications).toBe(6);
    expect(nd.countOps(() => nd.div(a, nd.ones([3]))).multiplications).toBe(6);
    expect(nd.countOps(() => nd.outer(nd.ones([4]), nd.ones([5]))).multiplications).toBe(20);
    expect(nd.countOps(() => nd.dot(nd.ones([7]), nd.ones([7]))).multiplications).toBe(7);
    expect(nd.countOps(() => nd.add(a, a))).toMatchObject({
      multiplications: 0,
      allocatedElements: 6,
    });
  });

  it("counts nothing for views and nests frames", () => {
    const outer = nd.countOps(() => {
      const view = nd.transpose(nd.reshape(a, [3, 2]));
      const inner = nd.countOps(() => nd.mul(view, view));
      expect(inner.multiplications).toBe(6);
      return nd.sum(inner.result);
    });
    expect(outer.multiplications).toBe(6);
    expect(outer.allocatedElements).toBe(6 + 1);
    expect(outer.result.item()).toBe(6);
  });

  it("stops counting when the callback throws", () => {
    expect(() => nd.countOps(() => nd.add(a, b))).toThrowError(nd.TensorError);
    expect(nd.countOps(() => 1).multiplications).toBe(0);
  });
});
