// lstsq, pinv, cond and the SVD-based matrix norms against NumPy (gen_linalg_fixtures.py).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decode, decodeValue, expectTensor, linalgFixtures as fx } from "./fixtures/fixtures.js";
import { randomMatrices } from "./fixtures/test-support.js";
import * as nd from "./index.js";

const T = nd.matrixTranspose;

describe("lstsq against NumPy", () => {
  it.each(fx.lstsq.map((c) => [c.a.shape, c.b.shape, c.rcond, c]))(
    "A %j b %j rcond %s",
    (_a, _b, rcond, c) => {
      const result = nd.lstsq(decode(c.a), decode(c.b), rcond ?? undefined);
      expect(result.rank).toBe(c.rank);
      expectTensor(result.x, c.x, 1e-9);
      expectTensor(result.residuals, c.residuals, 1e-9);
      expectTensor(result.s, c.s, 1e-12);
    },
  );

  it("homework 1, 3.3.2: for a wide X, lstsq(X, t).x is the minimum-norm Xᵀ(XXᵀ)⁻¹t", () => {
    const { X, t, minimumNorm, lstsq } = fx.homework;
    const x = decode(X);
    const w = nd.lstsq(x, decode(t)).x;
    expectTensor(w, minimumNorm, 1e-10);
    expectTensor(w, lstsq, 1e-10);
    // The same formula written with nnkit's own inv and matmul.
    const formula = nd.matmul(T(x), nd.matmul(nd.inv(nd.matmul(x, T(x))), decode(t)));
    expectTensor(w, formula, 1e-10);
    expectTensor(nd.matmul(nd.pinv(x), decode(t)), minimumNorm, 1e-10);
  });

  it("homework 1, 3.3.1: x1 = [1, 1], t1 = 3 gives the point of w1 + w2 = 3 nearest 0, (1.5, 1.5)", () => {
    const { x, rank, residuals } = nd.lstsq(nd.tensor([[1, 1]]), nd.tensor([3]));
    expect(nd.allclose(x, nd.tensor([1.5, 1.5]), { rtol: 1e-15, atol: 0 })).toBe(true);
    expect(rank).toBe(1);
    expect(residuals.shape).toEqual([0]);
  });

  it("checks its arguments", () => {
    expect(() => nd.lstsq(nd.ones([3, 2]), nd.ones([2]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining(
          "lstsq: A [3, 2] and b [2] do not match (b needs shape [3] or [3, k])",
        ),
      }),
    );
    expect(() => nd.lstsq(nd.ones([2, 3, 2]), nd.ones([3]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("lstsq: A must be a matrix [m, n], got shape [2, 3, 2]"),
      }),
    );
    expect(() => nd.lstsq(nd.ones([2, 2]), nd.ones([2]), -1)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining("lstsq: rcond must be a number ≥ 0, got -1"),
      }),
    );
  });
});

describe("pinv against NumPy", () => {
  it.each(fx.pinv.map((c) => [c.a.shape, c.rcond, c]))("%j rcond %s", (_a, rcond, c) => {
    expectTensor(nd.pinv(decode(c.a), rcond ?? undefined), c.out, 1e-9);
  });
});

describe("cond against NumPy", () => {
  it.each(fx.cond.map((c) => [c.a.shape, c.p, c]))("%j p %s", (_a, p, c) => {
    const order = p === null ? undefined : p === "fro" || p === "nuc" ? p : decodeValue(p);
    expectTensor(nd.cond(decode(c.a), order), c.out, 1e-9);
  });

  it("is Infinity for singular matrices, as in NumPy", () => {
    expect(nd.cond(nd.zeros([2, 2])).item()).toBe(Number.POSITIVE_INFINITY);
    expect(
      nd
        .cond(
          nd.tensor([
            [1, 2],
            [2, 4],
          ]),
          1,
        )
        .item(),
    ).toBe(Number.POSITIVE_INFINITY);
    expect(
      nd
        .cond(
          nd.tensor([
            [1, 2, 3],
            [4, 5, 6],
            [7, 8, 9],
          ]),
          "fro",
        )
        .item(),
    ).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("matrix norms ord 2, -2 and nuc against NumPy", () => {
  it.each(fx.norm.map((c) => [c.x.shape, c.ord, c.axis, c.keepdims, c]))(
    "%j ord %s axis %j keepdims %s",
    (_x, ord, axis, keepdims, c) => {
      expectTensor(nd.norm(decode(c.x), ord, axis ?? undefined, keepdims), c.out, 1e-12);
    },
  );
});

// Random matrices, sometimes of low rank, for the Penrose conditions.
const matrix = randomMatrices(5, true);

function close(a: nd.Tensor, b: nd.Tensor, scale: number): boolean {
  return nd.allclose(a, b, { rtol: 1e-9, atol: 1e-9 * scale });
}

describe("laws (fast-check)", () => {
  it("pinv satisfies the Penrose conditions A·A⁺·A = A and A⁺·A·A⁺ = A⁺", () => {
    fc.assert(
      fc.property(matrix, (a) => {
        const p = nd.pinv(a);
        const size = Math.max(1, nd.max(nd.abs(a)).item());
        // Condition numbers up to 1e15 can pass pinv's cutoff; scale the tolerance with them.
        const s = nd.svdvals(a).data;
        const kept = Array.from(s).filter((x) => x > 1e-15 * s[0]!);
        const conditioning = kept.length ? kept[0]! / kept[kept.length - 1]! : 1;
        expect(close(nd.matmul(nd.matmul(a, p), a), a, size * Math.min(conditioning, 1e6))).toBe(
          true,
        );
        const psize = Math.max(1e-300, nd.max(nd.abs(p)).item());
        expect(close(nd.matmul(nd.matmul(p, a), p), p, psize * Math.min(conditioning, 1e6))).toBe(
          true,
        );
      }),
    );
  });

  it("lstsq's solution has a residual orthogonal to the columns of A (the normal equations)", () => {
    fc.assert(
      fc.property(matrix, (a) => {
        const b = nd.rng(a.size).uniform([a.shape[0]!], -1, 1);
        const { x } = nd.lstsq(a, b);
        const residual = nd.sub(nd.matmul(a, x), b);
        const size = Math.max(1, nd.max(nd.abs(a)).item());
        // Rounding leaves about ε·‖A‖²·‖x‖ in Aᵀr; x is large when A is ill-conditioned.
        const xsize = Math.max(1, nd.max(nd.abs(x)).item());
        expect(close(nd.matmul(T(a), residual), nd.zerosLike(x), size * size * xsize * 10)).toBe(
          true,
        );
      }),
    );
  });
});
