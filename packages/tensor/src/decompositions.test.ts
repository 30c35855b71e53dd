// QR, Cholesky, eigh and SVD against NumPy (gen_linalg_fixtures.py) and their defining laws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decode, expectTensor, linalgFixtures as fx } from "./fixtures/fixtures.js";
import { randomMatrices, thrown } from "./fixtures/test-support.js";
import * as nd from "./index.js";

const T = nd.matrixTranspose;

/** Largest |entry|, at least 1: the scale for absolute tolerances. */
function scale(t: nd.Tensor): number {
  return t.size === 0 ? 1 : Math.max(1, nd.max(nd.abs(t)).item());
}

function expectClose(actual: nd.Tensor, expected: nd.Tensor, tolerance: number): void {
  expect(actual.shape).toEqual(expected.shape);
  const ok = nd.allclose(actual, expected, { rtol: tolerance, atol: tolerance });
  if (!ok) expect(actual.toArray()).toEqual(expected.toArray());
  expect(ok).toBe(true);
}

/** Identity shaped like the [..., k, k] Gram matrix of a stack. */
function identityLike(gram: nd.Tensor): nd.Tensor {
  return nd.broadcastTo(nd.eye(gram.shape[gram.rank - 1]!), gram.shape);
}

function expectOrthonormalColumns(q: nd.Tensor, tolerance = 1e-12): void {
  const gram = nd.matmul(T(q), q);
  expectClose(gram, identityLike(gram), tolerance);
}

/** Flips each column of `actual` (axis -2 holds the entries) to point the way `expected`'s does. */
function alignColumns(actual: nd.Tensor, expected: nd.Tensor): nd.Tensor {
  const signs = nd.sign(nd.sum(nd.mul(actual, expected), -2, true));
  return nd.mul(actual, nd.where(nd.eq(signs, 0), 1, signs));
}

/** U·diag(s)·Vᵀ from the first k = len(s) columns of U and rows of Vᵀ. */
function reconstruct(u: nd.Tensor, s: nd.Tensor, vh: nd.Tensor): nd.Tensor {
  const k = s.shape[s.rank - 1]!;
  const lead = u.shape.slice(0, -2).map(() => null);
  const uk = nd.slice(u, ...lead, null, [0, k]);
  const vk = nd.slice(vh, ...lead, [0, k]);
  return nd.matmul(nd.mul(uk, nd.expandDims(s, -2)), vk);
}

describe("qr against NumPy", () => {
  it.each(fx.qr.map((c) => [c.a.shape, c.mode, c]))("%j %s", (_shape, mode, c) => {
    const a = decode(c.a);
    const { q, r } = nd.qr(a, mode);
    const wantR = decode(c.r);
    expect(q.shape).toEqual(c.q.shape);
    expect(r.shape).toEqual(c.r.shape);
    // A = QR, Q orthonormal and R upper triangular always; where A has full column rank the
    // factors are unique up to LAPACK's sign convention, which qr follows, so compare directly.
    expectClose(nd.matmul(q, r), a, 1e-12 * scale(a));
    expectOrthonormalColumns(q);
    const k = Math.min(...a.shape.slice(-2));
    const stacked = nd.reshape(wantR, [-1, ...wantR.shape.slice(-2)]);
    let smallestPivot = Number.POSITIVE_INFINITY;
    for (let b = 0; b < stacked.shape[0]!; b++) {
      for (let i = 0; i < k; i++)
        smallestPivot = Math.min(smallestPivot, Math.abs(stacked.get(b, i, i)));
    }
    const fullRank = smallestPivot > 1e-8 * scale(a);
    if (fullRank) {
      expectTensor(q, c.q, 1e-10);
      expectTensor(r, c.r, 1e-10);
    }
  });
});

describe("cholesky against NumPy", () => {
  it.each(fx.cholesky.map((c) => [c.a.shape, c]))("%j", (_shape, c) => {
    const a = decode(c.a);
    const l = nd.cholesky(a);
    expectTensor(l, c.l, 1e-10);
    expectClose(nd.matmul(l, T(l)), a, 1e-12 * scale(a));
  });
});

describe("eigh against NumPy", () => {
  it.each(fx.eigh.map((c) => [c.a.shape, c]))("%j", (_shape, c) => {
    const a = decode(c.a);
    const { eigenvalues: w, eigenvectors: v } = nd.eigh(a);
    const tolerance = 1e-12 * scale(a);
    expectClose(w, decode(c.w), tolerance);
    expectOrthonormalColumns(v);
    // A·V = V·diag(w): each column is an eigenvector of its eigenvalue.
    expectClose(nd.matmul(a, v), nd.mul(v, nd.expandDims(w, -2)), 10 * tolerance);
    if (c.distinct) expectClose(alignColumns(v, decode(c.v)), decode(c.v), 1e-9);
  });
});

describe("svd against NumPy", () => {
  it.each(fx.svd.map((c) => [c.a.shape, c.full, c]))("%j full %s", (_shape, full, c) => {
    const a = decode(c.a);
    const { u, s, vh } = nd.svd(a, full);
    expect(u.shape).toEqual(c.u.shape);
    expect(vh.shape).toEqual(c.vh.shape);
    const tolerance = 1e-12 * scale(a);
    expectClose(s, decode(c.s), tolerance);
    expectClose(reconstruct(u, s, vh), a, 10 * tolerance);
    expectOrthonormalColumns(u);
    expectOrthonormalColumns(T(vh));
    if (c.distinct) {
      const k = s.shape[s.rank - 1]!;
      const lead = u.shape.slice(0, -2).map(() => null);
      const uk = nd.slice(u, ...lead, null, [0, k]);
      const wantU = nd.slice(decode(c.u), ...lead, null, [0, k]);
      expectClose(alignColumns(uk, wantU), wantU, 1e-9);
      const vk = T(nd.slice(vh, ...lead, [0, k]));
      const wantV = T(nd.slice(decode(c.vh), ...lead, [0, k]));
      expectClose(alignColumns(vk, wantV), wantV, 1e-9);
    }
  });

  it("svdvals gives the same singular values", () => {
    for (const c of fx.svd)
      expectClose(nd.svdvals(decode(c.a)), decode(c.s), 1e-12 * scale(decode(c.a)));
  });
});

describe("errors for matrices a decomposition cannot take", () => {
  it("cholesky names the first pivot that is not positive", () => {
    const e = thrown(() =>
      nd.cholesky(
        nd.tensor([
          [1, 2],
          [2, 1],
        ]),
      ),
    );
    expect(e.code).toBe("not-positive-definite");
    expect(e.message).toBe(
      "cholesky: matrix is not positive definite: pivot 1 is -3 (a_jj − Σ l_jk² must be > 0) (shape [2, 2])",
    );
    expect(e.detail).toEqual({ code: "not-positive-definite", matrix: [], pivot: 1, value: -3 });
    // Positive semidefinite is not enough.
    expect(thrown(() => nd.cholesky(nd.ones([2, 2]))).detail).toMatchObject({ pivot: 1, value: 0 });
    expect(thrown(() => nd.cholesky(nd.stack([nd.eye(2), nd.mul(nd.eye(2), -1)]))).message).toMatch(
      /pivot 0 is -1 .*\(matrix \[1\] of shape \[2, 2, 2\]\)$/,
    );
  });

  it("cholesky and eigh refuse a matrix that is not symmetric (NumPy would read one triangle)", () => {
    for (const run of [nd.cholesky, (a: nd.Tensor) => nd.eigh(a)]) {
      const e = thrown(() =>
        run(
          nd.tensor([
            [2, 1],
            [0, 2],
          ]),
        ),
      );
      expect(e.code).toBe("not-symmetric");
      expect(e.detail).toEqual({ code: "not-symmetric", matrix: [], row: 1, column: 0 });
      expect(e.message).toMatch(
        /matrix is not symmetric: A\[1, 0\] = 0 but A\[0, 1\] = 1 \(shape \[2, 2\]\)/,
      );
    }
  });

  it("eigh and svd refuse NaN and infinite entries; shapes are checked", () => {
    expect(thrown(() => nd.svd(nd.tensor([[1, Number.NaN]]))).message).toBe(
      "svd: matrix has a NaN entry (shape [1, 2]); svd needs finite values",
    );
    expect(thrown(() => nd.eigh(nd.tensor([[Number.POSITIVE_INFINITY]]))).code).toBe("argument");
    expect(thrown(() => nd.qr(nd.ones([3]))).message).toBe(
      "qr: A needs at least two axes (a matrix or a stack of them), got shape [3]",
    );
    expect(thrown(() => nd.eigh(nd.ones([2, 3]))).code).toBe("shape");
    expect(thrown(() => nd.qr(nd.ones([2, 2]), "economic" as nd.QRMode)).code).toBe("argument");
  });
});

const matrix = randomMatrices(6);

describe("decompositions by hand", () => {
  it("svd completes U and V to orthonormal bases where singular values are zero", () => {
    for (const a of [nd.zeros([5, 2]), nd.ones([40, 3]), nd.ones([2, 30])]) {
      const { u, s, vh } = nd.svd(a);
      expect(u.shape).toEqual([a.shape[0], a.shape[0]]);
      expect(vh.shape).toEqual([a.shape[1], a.shape[1]]);
      expectOrthonormalColumns(u);
      expectOrthonormalColumns(T(vh));
      expectClose(reconstruct(u, s, vh), a, 1e-12 * scale(a));
    }
    // ones(m, n) has one nonzero singular value, √(mn).
    expect(
      Array.from(nd.svdvals(nd.ones([40, 3])).data).map((x) => Math.round(x * 1e9) / 1e9),
    ).toEqual([Math.round(Math.sqrt(120) * 1e9) / 1e9, 0, 0]);
  });

  it("eigh of [[2, 1], [1, 2]] is 1 and 3 with eigenvectors (1, -1)/√2 and (1, 1)/√2", () => {
    const { eigenvalues, eigenvectors } = nd.eigh(
      nd.tensor([
        [2, 1],
        [1, 2],
      ]),
    );
    expectClose(eigenvalues, nd.tensor([1, 3]), 1e-15);
    const v = eigenvectors;
    expect(Math.abs(v.get(0, 0) * v.get(1, 0) + 0.5)).toBeLessThan(1e-15);
    expect(Math.abs(v.get(0, 1) * v.get(1, 1) - 0.5)).toBeLessThan(1e-15);
  });

  it("float32 input gives float32 factors; int32 gives float64", () => {
    const f = nd.tensor(
      [
        [4, 2],
        [2, 3],
      ],
      { dtype: "float32" },
    );
    expect(nd.qr(f).q.dtype).toBe("float32");
    expect(nd.cholesky(f).dtype).toBe("float32");
    expect(nd.svd(f).s.dtype).toBe("float32");
    expect(
      nd.eigh(
        nd.tensor(
          [
            [4, 2],
            [2, 3],
          ],
          { dtype: "int32" },
        ),
      ).eigenvalues.dtype,
    ).toBe("float64");
  });
});

describe("laws on random matrices (fast-check)", () => {
  it("QR: Q has orthonormal columns, R is upper triangular, QR = A", () => {
    fc.assert(
      fc.property(matrix, fc.constantFrom<nd.QRMode>("reduced", "complete"), (a, mode) => {
        const { q, r } = nd.qr(a, mode);
        expectOrthonormalColumns(q);
        for (let i = 0; i < r.shape[0]!; i++)
          for (let j = 0; j < Math.min(i, r.shape[1]!); j++) expect(r.get(i, j)).toBe(0);
        expectClose(nd.matmul(q, r), a, 1e-12 * scale(a));
      }),
    );
  });

  it("SVD: U·Σ·Vᵀ = A with orthonormal U, V and s descending ≥ 0", () => {
    fc.assert(
      fc.property(matrix, fc.boolean(), (a, full) => {
        const { u, s, vh } = nd.svd(a, full);
        const values = Array.from(s.data);
        values.forEach((x, i) => {
          expect(x).toBeGreaterThanOrEqual(0);
          if (i > 0) expect(x).toBeLessThanOrEqual(values[i - 1]!);
        });
        expectOrthonormalColumns(u);
        expectOrthonormalColumns(T(vh));
        expectClose(reconstruct(u, s, vh), a, 1e-12 * scale(a));
      }),
    );
  });

  it("Cholesky: L is lower triangular with a positive diagonal and L·Lᵀ = A for A = XᵀX + I", () => {
    fc.assert(
      fc.property(matrix, (x) => {
        const n = x.shape[1]!;
        const xtx = nd.matmul(T(x), x);
        const a = nd.add(nd.mul(nd.add(xtx, T(xtx)), 0.5), nd.eye(n));
        const l = nd.cholesky(a);
        for (let i = 0; i < n; i++) {
          expect(l.get(i, i)).toBeGreaterThan(0);
          for (let j = i + 1; j < n; j++) expect(l.get(i, j)).toBe(0);
        }
        expectClose(nd.matmul(l, T(l)), a, 1e-12 * scale(a));
      }),
    );
  });

  it("eigh: A·V = V·Λ, V orthonormal, eigenvalues ascending, trace preserved", () => {
    fc.assert(
      fc.property(matrix, (x) => {
        const a = nd.mul(nd.add(nd.matmul(T(x), x), T(nd.matmul(T(x), x))), 0.5);
        const { eigenvalues: w, eigenvectors: v } = nd.eigh(a);
        const values = Array.from(w.data);
        for (let i = 1; i < values.length; i++)
          expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
        expectOrthonormalColumns(v);
        expectClose(nd.matmul(a, v), nd.mul(v, nd.expandDims(w, -2)), 1e-11 * scale(a));
        const trace = Array.from({ length: a.shape[0]! }, (_, i) => a.get(i, i)).reduce(
          (p, q) => p + q,
          0,
        );
        expect(Math.abs(nd.sum(w).item() - trace)).toBeLessThanOrEqual(
          1e-11 * scale(a) * a.shape[0]!,
        );
      }),
    );
  });
});
