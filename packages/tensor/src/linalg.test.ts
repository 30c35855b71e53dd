import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decode, expectTensor, fixtures } from "./fixtures/fixtures.js";
import { thrown } from "./fixtures/test-support.js";
import * as nd from "./index.js";

describe("solve, inv and det against NumPy", () => {
  it.each(fixtures.linalg.map((c) => [c.A.shape[0], c]))("%i×%i", (_, c) => {
    const A = decode(c.A);
    expectTensor(nd.solve(A, decode(c.b)), c.solve, 1e-10);
    expectTensor(nd.solve(A, decode(c.B)), c.solveMatrix, 1e-10);
    expectTensor(nd.inv(A), c.inv, 1e-10);
    expectTensor(nd.det(A), c.det, 1e-10);
  });

  it("handles stacks of matrices and a zero leading pivot", () => {
    const c = fixtures.linalgBatch;
    const A = decode(c.A);
    expectTensor(nd.solve(A, decode(c.b)), c.solve, 1e-10);
    expectTensor(nd.inv(A), c.inv, 1e-10);
    expectTensor(nd.det(A), c.det, 1e-10);
  });

  it("gives float64 results for int32 matrices", () => {
    const c = fixtures.linalgInt;
    expectTensor(nd.det(decode(c.A)), c.det, 1e-12);
    expectTensor(nd.inv(decode(c.A)), c.inv, 1e-12);
  });
});

describe("linear algebra by hand", () => {
  const A = nd.tensor([
    [2, 1],
    [1, 3],
  ]);

  it("solves a 2×2 system and inverts it (det = 5)", () => {
    expect(nd.solve(A, nd.tensor([3, 5])).toArray()).toEqual([0.8, 1.4]);
    expect(
      nd.allclose(
        nd.inv(A),
        nd.tensor([
          [0.6, -0.2],
          [-0.2, 0.4],
        ]),
      ),
    ).toBe(true);
    expect(nd.det(A).item()).toBeCloseTo(5, 14);
  });

  it("broadcasts a vector right-hand side over a batch of matrices", () => {
    const batch = nd.stack([A, nd.eye(2)]);
    expect(
      nd.allclose(
        nd.solve(batch, nd.tensor([3, 5])),
        nd.tensor([
          [0.8, 1.4],
          [3, 5],
        ]),
      ),
    ).toBe(true);
  });

  it("A · inv(A) is the identity for random well-conditioned matrices", () => {
    const M = nd.add(nd.rng(7).uniform([6, 6], -1, 1), nd.mul(nd.eye(6), 4));
    expect(nd.allclose(nd.matmul(M, nd.inv(M)), nd.eye(6), { atol: 1e-12 })).toBe(true);
  });

  it("det of a singular matrix is 0 and of a 0×0 matrix is 1", () => {
    expect(
      nd
        .det(
          nd.tensor([
            [1, 2],
            [2, 4],
          ]),
        )
        .item(),
    ).toBe(0);
    expect(nd.det(nd.zeros([0, 0])).item()).toBe(1);
  });

  it("throws typed errors for singular and non-square matrices", () => {
    const singular = nd.tensor([
      [1, 2],
      [2, 4],
    ]);
    let error: unknown;
    try {
      nd.inv(singular);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(nd.TensorError);
    expect((error as nd.TensorError).code).toBe("singular");
    expect((error as Error).message).toBe(
      "inv: matrix is singular: pivot 1 of its LU factorisation is exactly 0 (shape [2, 2])",
    );
    expect((error as nd.TensorError).detail).toEqual({ code: "singular", matrix: [], pivot: 1 });
    expect(() => nd.solve(singular, nd.ones([2]))).toThrowError(
      expect.objectContaining({
        code: "singular",
        message: expect.stringContaining(
          "solve: matrix is singular: pivot 1 of its LU factorisation is exactly 0 (shape [2, 2])",
        ),
      }),
    );
    expect(() => nd.det(nd.zeros([2, 3]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining(
          "det: needs square matrices in the last two axes, got shape [2, 3]",
        ),
      }),
    );
    expect(() => nd.solve(A, nd.ones([3]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("solve: A [2, 2] and b [3] do not match (b needs 2 rows)"),
      }),
    );
  });
});

/** n×n upper triangular: 1 on the diagonal, −1 above. Its inverse is 2^(j−i−1) above the diagonal. */
function minusOnes(n: number): nd.Tensor {
  return nd.tensor(
    Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (j === i ? 1 : j > i ? -1 : 0)),
    ),
  );
}

describe("singular and nearly singular matrices", () => {
  const rankTwo = nd.tensor([
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ]);

  it("refuses [[1,2,3],[4,5,6],[7,8,9]] as singular (NumPy returns ±9e15)", () => {
    // With rows scaled by 1/2, 1/4, 1/8 (largest entries in [1, 2)) elimination cancels exactly.
    for (const run of [() => nd.inv(rankTwo), () => nd.solve(rankTwo, nd.ones([3]))]) {
      const e = thrown(run);
      expect(e.code).toBe("singular");
      expect(e.detail).toEqual({ code: "singular", matrix: [], pivot: 2 });
    }
  });

  it("refuses a matrix whose last pivot is rounding noise as singular to working precision", () => {
    // 0.1·[[1,2,3],[4,5,6],[7,8,9]] in decimal: rank 2, but rounding leaves a pivot of about ε.
    const decimal = nd.tensor([
      [0.1, 0.2, 0.3],
      [0.4, 0.5, 0.6],
      [0.7, 0.8, 0.9],
    ]);
    for (const run of [() => nd.inv(decimal), () => nd.solve(decimal, nd.ones([3]))]) {
      const e = thrown(run);
      expect(e.code).toBe("numerically-singular");
      expect(e.detail).toMatchObject({ code: "numerically-singular", matrix: [], reason: "pivot" });
      // Rows scaled by 4, 2, 2 give columns with sums 2.6, 3.4 and 4.2, so ‖RAC‖₁ = 4.2 (n = 3).
      const threshold = e.detail?.code === "numerically-singular" ? e.detail.threshold : Number.NaN;
      expect(threshold / (3 * Number.EPSILON * 4.2)).toBeCloseTo(1, 12);
      expect(e.message).toMatch(
        /^(inv|solve): matrix is singular to working precision: a pivot of its LU factorisation is .* below n·ε·‖A‖₁ = 2\.80e-15 \(rows and columns scaled to unit size\) \(shape \[3, 3\]\); lstsq or pinv give a least-squares answer$/,
      );
    }
  });

  it("solves badly scaled but well-posed systems: diag(1e10, 1e-10) and 1e-20·I", () => {
    const scaled = nd.tensor([
      [1e10, 0],
      [0, 1e-10],
    ]);
    expect(nd.solve(scaled, nd.tensor([1e10, 1e-10])).toArray()).toEqual([1, 1]);
    expect(nd.inv(scaled).toArray()).toEqual([
      [1e-10, 0],
      [0, 1e10],
    ]);
  });

  it("catches ill-conditioning that no pivot shows, by the condition estimate", () => {
    // minusOnes(n) has all pivots 1; ‖A‖₁ = n and ‖A⁻¹‖₁ = 2^(n−1), so rcond = 1/(n·2^(n−1)).
    const e = thrown(() => nd.inv(minusOnes(60)));
    expect(e.code).toBe("numerically-singular");
    expect(e.detail).toMatchObject({ reason: "condition", threshold: Number.EPSILON });
    const rcond = 1 / (60 * 2 ** 59);
    const estimate = e.detail?.code === "numerically-singular" ? e.detail.value : Number.NaN;
    // The estimate of ‖A⁻¹‖₁ is a lower bound, so rcond's estimate is an upper bound.
    expect(estimate).toBeGreaterThanOrEqual(rcond * (1 - 1e-12));
    expect(estimate).toBeLessThan(10 * rcond);
  });

  it("still inverts an ill-conditioned matrix with digits left (cond₁ = 40·2^39 ≈ 2e13)", () => {
    const n = 40;
    const expected = nd.tensor(
      Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => (j === i ? 1 : j > i ? 2 ** (j - i - 1) : 0)),
      ),
    );
    expect(nd.allclose(nd.inv(minusOnes(n)), expected, { rtol: 1e-12, atol: 0 })).toBe(true);
  });

  it("judges singularity relative to the matrix's size: 1e-20·I is invertible", () => {
    const tiny = nd.mul(nd.eye(3), 1e-20);
    expect(nd.allclose(nd.inv(tiny), nd.mul(nd.eye(3), 1e20), { rtol: 1e-15 })).toBe(true);
    expect(nd.det(tiny).item()).toBeCloseTo(1e-60, 75);
  });

  it("names the offending matrix of a stack", () => {
    const e = thrown(() =>
      nd.inv(nd.stack([nd.stack([nd.eye(3), rankTwo]), nd.stack([nd.eye(3), nd.eye(3)])])),
    );
    expect(e.detail).toMatchObject({ code: "singular", matrix: [0, 1] });
    expect(e.message).toMatch(/\(matrix \[0, 1\] of shape \[2, 2, 3, 3\]\)/);
    const exact = thrown(() => nd.solve(nd.stack([nd.eye(2), nd.zeros([2, 2])]), nd.ones([2])));
    expect(exact.detail).toEqual({ code: "singular", matrix: [1], pivot: 0 });
  });

  it("det of an integer matrix is exact: 0 for [[1,2,3],[4,5,6],[7,8,9]], 1 for [[2,1],[7,4]]", () => {
    expect(nd.det(rankTwo).item()).toBe(0);
    expect(
      nd
        .det(
          nd.tensor(
            [
              [2, 1],
              [7, 4],
            ],
            { dtype: "int32" },
          ),
        )
        .item(),
    ).toBe(1);
    expect(nd.det(nd.stack([rankTwo, nd.transpose(rankTwo)])).toArray()).toEqual([0, 0]);
  });

  it("det of integer matrices equals the cofactor expansion (exact for small entries)", () => {
    const cofactor = (m: number[][]): number =>
      m.length === 0
        ? 1
        : m[0]!.reduce(
            (acc, x, j) =>
              acc +
              (j % 2 ? -1 : 1) *
                x *
                cofactor(m.slice(1).map((row) => row.filter((_, c) => c !== j))),
            0,
          );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }), {
            minLength: n,
            maxLength: n,
          }),
        ),
        (m) => {
          expect(nd.det(nd.tensor(m)).item()).toBe(cofactor(m) + 0);
        },
      ),
    );
  });
});
