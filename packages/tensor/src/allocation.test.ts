import { describe, expect, it } from "vitest";
import { thrown } from "./fixtures/test-support.js";
import * as nd from "./index.js";

const LIMIT = 2 ** 32 - 1;
// A 10^6 × 10^6 view of one element: views allocate nothing, so it is cheap to make.
const huge = () => nd.broadcastTo(nd.tensor(0), [1e6, 1e6]);

describe("allocations over the element limit are TensorErrors naming the op, shape and size", () => {
  it("zeros([1e6, 1e6]) says what it could not allocate", () => {
    const e = thrown(() => nd.zeros([1e6, 1e6]));
    expect(e.code).toBe("too-large");
    expect(e.message).toBe(
      "zeros: cannot allocate shape [1000000, 1000000] of float64: 1000000000000 elements (8.00 TB) exceed the limit of 4294967295 elements per tensor",
    );
    expect(e.detail).toEqual({ code: "too-large", shape: [1e6, 1e6], size: 1e12, limit: LIMIT });
  });

  it.each<[string, () => unknown]>([
    ["zeros", () => nd.zeros([1e6, 1e6], "bool")],
    ["ones", () => nd.ones([2 ** 16, 2 ** 16])],
    ["full", () => nd.full([1e5, 1e5], 7)],
    ["zerosLike", () => nd.zerosLike(huge())],
    ["onesLike", () => nd.onesLike(huge())],
    ["eye", () => nd.eye(1e6)],
    ["arange", () => nd.arange(0, 1e12)],
    ["linspace", () => nd.linspace(0, 1, 1e12)],
    ["uniform", () => nd.rng(1).uniform([1e6, 1e6])],
    ["normal", () => nd.rng(1).normal([1e6, 1e6])],
    ["integers", () => nd.rng(1).integers([1e6, 1e6], 0, 2)],
    ["tensor", () => nd.tensor(huge())],
    ["add", () => nd.add(nd.zeros([1e6, 1]), nd.zeros([1, 1e6]))],
    ["exp", () => nd.exp(huge())],
    ["sum", () => nd.sum(nd.broadcastTo(nd.tensor(0), [1e5, 1e5, 2]), 2)],
    ["where", () => nd.where(nd.tensor(true), huge(), 0)],
    ["matmul", () => nd.matmul(nd.zeros([1e5, 1]), nd.zeros([1, 1e5]))],
    ["outer", () => nd.outer(nd.zeros([1e5]), nd.zeros([1e5]))],
    ["concat", () => nd.concat([huge(), huge()])],
    ["astype", () => huge().astype("int32")],
    ["toTypedArray", () => huge().toTypedArray()],
  ])("%s", (op, run) => {
    const e = thrown(run);
    expect(e.code).toBe("too-large");
    expect(e.message.startsWith(`${op}: cannot allocate shape [`)).toBe(true);
    expect(e.detail?.code === "too-large" && e.detail.size).toBeGreaterThan(LIMIT);
  });

  it("reports sizes beyond 2^53 without overflowing to a wrong shape", () => {
    const e = thrown(() => nd.zeros([1e9, 1e9, 1e9]));
    expect(e.detail).toEqual({
      code: "too-large",
      shape: [1e9, 1e9, 1e9],
      size: 1e27,
      limit: LIMIT,
    });
    expect(e.message).toContain("1e+27 elements (8.00e+3 YB)");
  });

  it("still allocates zero-size tensors with huge other dimensions", () => {
    expect(nd.zeros([0, 1e12]).shape).toEqual([0, 1e12]);
  });
});
