import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decode, expectTensor, fixtures } from "./fixtures/fixtures.js";
import * as nd from "./index.js";

const products = { matmul: nd.matmul, dot: nd.dot, outer: nd.outer };

/** The textbook triple loop over row-major arrays, an independent reference for the kernel. */
function naiveMatmul(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  m: number,
  k: number,
  n: number,
): number[] {
  const c = new Array<number>(m * n).fill(0);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      for (let p = 0; p < k; p++) c[i * n + j]! += a[i * k + p]! * b[p * n + j]!;
    }
  }
  return c;
}

describe("matmul, dot and outer against NumPy", () => {
  it.each(fixtures.matmul.map((c) => [c.op, c.a.shape, c.b.shape, c]))(
    "%s %j · %j",
    (op, _a, _b, c) => {
      const f = products[op as keyof typeof products];
      expectTensor(f(decode(c.a), decode(c.b)), c.out, c.a.dtype === "float32" ? 1e-5 : 1e-12);
    },
  );

  it("reads transposed operands through their strides", () => {
    const c = fixtures.matmulTransposed;
    expectTensor(nd.matmul(nd.transpose(decode(c.a)), nd.transpose(decode(c.b))), c.out);
  });
});

describe("matmul kernel (property)", () => {
  it("agrees with the naive triple loop for any sizes and small integers", () => {
    const dims = fc.integer({ min: 0, max: 19 });
    fc.assert(
      fc.property(dims, dims, dims, fc.integer({ min: 1, max: 1000 }), (m, k, n, seed) => {
        const r = nd.rng(seed);
        const a = r.integers([m, k], -9, 10).astype("float64");
        const b = r.integers([k, n], -9, 10).astype("float64");
        const got = nd.matmul(a, b);
        expect(got.shape).toEqual([m, n]);
        expect(Array.from(got.data)).toEqual(naiveMatmul(a.data, b.data, m, k, n));
      }),
      { numRuns: 60 },
    );
  });

  it("crosses every cache block boundary (m > 128, k > 256, n > 512) exactly", () => {
    const [m, k, n] = [131, 259, 517];
    const r = nd.rng(11);
    const a = r.integers([m, k], -9, 10).astype("float64");
    const b = r.integers([k, n], -9, 10).astype("float64");
    expect(Array.from(nd.matmul(a, b).data)).toEqual(naiveMatmul(a.data, b.data, m, k, n));
  });

  it("dot contracts over a zero-length axis to zeros", () => {
    const r = nd.dot(nd.ones([2, 0]), nd.ones([3, 0, 4]));
    expect(r.shape).toEqual([2, 3, 4]);
    expect(nd.sum(r).item()).toBe(0);
  });

  it("writes every entry of a large result, whose storage is not zero-filled first", () => {
    // Large float64 results come unfilled (allocateResult): products through a zero-length axis,
    // and batched ones, must still be all zeros and exact products after freed buffers of the
    // same size were left full of other values.
    for (let i = 0; i < 8; i++) nd.full([150, 120], 7.5).data.fill(-3);
    const empty = nd.matmul(nd.ones([150, 0]), nd.ones([0, 120]));
    expect(Array.from(empty.data).filter((x) => !Object.is(x, 0))).toEqual([]);
    const r = nd.rng(12);
    const a = r.integers([2, 150, 7], -9, 10).astype("float64");
    const b = r.integers([7, 120], -9, 10).astype("float64");
    const c = nd.matmul(a, b);
    for (const batch of [0, 1]) {
      const ab = a.data.subarray(batch * 150 * 7, (batch + 1) * 150 * 7);
      const cb = Array.from(c.data.subarray(batch * 150 * 120, (batch + 1) * 150 * 120));
      expect(cb).toEqual(naiveMatmul(ab, b.data, 150, 7, 120));
    }
  });

  it("multiplies int32 with 32-bit wrap-around", () => {
    const a = nd.tensor([[65536, 1]], { dtype: "int32" });
    const b = nd.tensor([[65536], [5]], { dtype: "int32" });
    const c = nd.matmul(a, b);
    expect([c.dtype, c.item()]).toEqual(["int32", 5]);
  });
});

describe("matmul errors", () => {
  it("name the op, both shapes and the mismatched dimensions", () => {
    expect(() => nd.matmul(nd.zeros([2, 3]), nd.zeros([4, 2]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining(
          "matmul: inner dimensions differ: shapes [2, 3] and [4, 2] (3 ≠ 4)",
        ),
      }),
    );
    expect(() => nd.matmul(nd.zeros([]), nd.zeros([2]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining(
          "matmul: operands must have at least one axis, got shapes [] and [2]",
        ),
      }),
    );
    expect(() => nd.matmul(nd.zeros([2, 2, 2]), nd.zeros([3, 2, 2]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/matmul: shapes \[2\] and \[3\] cannot be broadcast/),
      }),
    );
    expect(() => nd.dot(nd.zeros([2, 3, 4]), nd.zeros([2, 3, 2]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("dot: shapes [2, 3, 4] and [2, 3, 2] not aligned (4 ≠ 3)"),
      }),
    );
    expect(() => nd.dot(nd.zeros([3]), nd.zeros([4]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("dot: shapes [3] and [4] not aligned (3 ≠ 4)"),
      }),
    );
  });
});
