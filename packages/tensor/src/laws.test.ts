// Algebraic laws checked on random shapes and values with fast-check.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as nd from "./index.js";

/** A shape of rank 0..3 with dimensions 0..4, and a variant with some dimensions set to 1. */
const shapePair = fc
  .array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 })
  .chain((shape) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: shape.length, maxLength: shape.length }),
        fc.integer({ min: 0, max: shape.length }),
      )
      .map(
        ([ones, drop]) =>
          [shape, shape.slice(drop).map((d, i) => (ones[i + drop] ? 1 : d))] as const,
      ),
  );

const seed = fc.integer({ min: 0, max: 2 ** 31 });

describe("laws", () => {
  it("broadcasting equals operating on explicitly broadcast copies", () => {
    fc.assert(
      fc.property(shapePair, seed, ([big, small], s) => {
        const r = nd.rng(s);
        const a = r.integers(big, -5, 6).astype("float64");
        const b = r.integers(small, -5, 6).astype("float64");
        const expanded = nd.broadcastTo(b, big).contiguous();
        expect(nd.equal(nd.add(a, b), nd.add(a, expanded))).toBe(true);
        expect(nd.equal(nd.mul(b, a), nd.mul(expanded, a))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("strided views compute the same as their contiguous copies", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        seed,
        (shape, s) => {
          const t = nd.rng(s).normal(shape);
          const view = nd.slice(nd.transpose(t), [null, null, -1]);
          const copy = view.contiguous();
          expect(view.isContiguous() || copy.data !== view.data).toBe(true);
          expect(nd.equal(nd.exp(view), nd.exp(copy))).toBe(true);
          expect(nd.equal(nd.sub(view, 1), nd.sub(copy, 1))).toBe(true);
          // Contiguous sums use four accumulators, so only the rounding may differ.
          expect(nd.allclose(nd.sum(view, 0), nd.sum(copy, 0), { rtol: 1e-12, atol: 1e-12 })).toBe(
            true,
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it("permuting by p and then by p's inverse restores the tensor", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
        seed,
        (shape, s) => {
          const p = nd.rng(s).uniform([shape.length]).toArray() as number[];
          const order = p.map((_, i) => i).sort((i, j) => p[i]! - p[j]!);
          const inverse = order.map((_, i) => order.indexOf(i));
          const t = nd.arange(
            0,
            shape.reduce((n, d) => n * d, 1),
            1,
            "float64",
          );
          const x = nd.reshape(t, shape);
          expect(nd.equal(nd.permute(nd.permute(x, order), inverse), x)).toBe(true);
        },
      ),
    );
  });

  it("(A·B)ᵀ = Bᵀ·Aᵀ exactly for small integers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 9 }),
        seed,
        (m, k, n, s) => {
          const r = nd.rng(s);
          const a = r.integers([m, k], -4, 5).astype("float64");
          const b = r.integers([k, n], -4, 5).astype("float64");
          expect(
            nd.equal(nd.transpose(nd.matmul(a, b)), nd.matmul(nd.transpose(b), nd.transpose(a))),
          ).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
