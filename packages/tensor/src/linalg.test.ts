import { describe, expect, it } from "vitest";
import { decode, expectTensor, fixtures } from "./fixtures/fixtures.js";
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
    expect((error as Error).message).toBe("inv: matrix is singular (shape [2, 2])");
    expect(() => nd.solve(singular, nd.ones([2]))).toThrowError(
      "solve: matrix is singular (shape [2, 2])",
    );
    expect(() => nd.det(nd.zeros([2, 3]))).toThrowError(
      "det: needs square matrices in the last two axes, got shape [2, 3]",
    );
    expect(() => nd.solve(A, nd.ones([3]))).toThrowError(
      "solve: A [2, 2] and b [3] do not match (b needs 2 rows)",
    );
  });
});
