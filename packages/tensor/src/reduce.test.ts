import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decode, expectTensor, fixtures } from "./fixtures/fixtures.js";
import * as nd from "./index.js";

const reducers = { sum: nd.sum, mean: nd.mean, max: nd.max, min: nd.min, prod: nd.prod };
const argReducers = { argmax: nd.argmax, argmin: nd.argmin };

describe("reductions against NumPy (axes, keepdims, dtypes, zero-size)", () => {
  it.each(Object.keys(reducers))("%s", (op) => {
    const cases = fixtures.reduce.filter((c) => c.op === op);
    expect(cases.length).toBeGreaterThan(50);
    for (const c of cases) {
      const f = reducers[op as keyof typeof reducers];
      expectTensor(f(decode(c.x), c.axis ?? undefined, c.keepdims), c.out);
    }
  });

  it.each(Object.keys(argReducers))("%s", (op) => {
    const cases = fixtures.arg.filter((c) => c.op === op);
    for (const c of cases) {
      const f = argReducers[op as keyof typeof argReducers];
      expectTensor(f(decode(c.x), c.axis ?? undefined, c.keepdims), c.out);
    }
  });
});

describe("reductions by hand", () => {
  const t = nd.tensor([
    [1, 5, 2],
    [7, 0, 3],
  ]);

  it("reduces over several and negative axes", () => {
    expect(nd.sum(t, [-1, 0]).item()).toBe(18);
    expect(nd.max(t, -2).toArray()).toEqual([7, 5, 3]);
    expect(nd.mean(t, 1, true).toArray()).toEqual([[8 / 3], [10 / 3]]);
  });

  it("reduces a strided view (transpose of a slice)", () => {
    const view = nd.transpose(nd.slice(t, null, [null, null, -1]));
    // view = [[2, 3], [5, 0], [1, 7]]
    expect(nd.sum(view, 1).toArray()).toEqual([5, 5, 8]);
    expect(nd.argmax(view, 0).toArray()).toEqual([1, 2]);
  });

  it("propagates NaN through max and min", () => {
    const x = nd.tensor([1, Number.NaN, 3]);
    expect(nd.max(x).item()).toBeNaN();
    expect(nd.min(x).item()).toBeNaN();
  });

  it("sums bool to int32 and keeps float32 sums in float32", () => {
    expect(nd.sum(nd.tensor([true, true, false])).dtype).toBe("int32");
    expect(nd.sum(nd.ones([3], "float32")).dtype).toBe("float32");
  });

  it("sums and averages a whole float64 run from its offset, across chunks", () => {
    // 1..n summed in blocks of 4096 elements and eight lanes: n = 2·4096 + 13 leaves a partial
    // chunk and a remainder of 5 past the lanes; the slice starts at an offset of 3.
    const n = 2 * 4096 + 13;
    const all = nd.tensor(Array.from({ length: n + 3 }, (_, i) => i - 2));
    const run = nd.slice(all, [3, null]); // 1, 2, …, n
    expect(run.offset).toBe(3);
    expect(nd.sum(run).item()).toBe((n * (n + 1)) / 2);
    expect(nd.mean(run).item()).toBe((n + 1) / 2);
    expect(nd.sum(run).dtype).toBe("float64");
    expect(nd.sum(run).shape).toEqual([]);
  });

  it("sums integers exactly up to 2^53", () => {
    const big = nd.tensor([2 ** 52, 2 ** 52 - 1, 1, 0, 0]);
    expect(nd.sum(big).item()).toBe(2 ** 53);
  });

  it("has identities for empty sum (0), prod (1), and NaN mean", () => {
    const empty = nd.zeros([0, 3]);
    expect(nd.sum(empty).item()).toBe(0);
    expect(nd.prod(empty).item()).toBe(1);
    expect(nd.mean(empty).item()).toBeNaN();
    expect(nd.sum(empty, 0).toArray()).toEqual([0, 0, 0]);
  });

  it("refuses max/argmax over zero elements, naming op and shape", () => {
    expect(() => nd.max(nd.zeros([0, 3]), 0)).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/^max: cannot reduce zero elements of shape \[0, 3\]/),
      }),
    );
    expect(() => nd.argmax(nd.zeros([0]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/^argmax: .*shape \[0\]/),
      }),
    );
    expect(nd.max(nd.zeros([0, 3]), 1).shape).toEqual([0]);
  });

  it("rejects bad and repeated axes", () => {
    expect(() => nd.sum(t, 2)).toThrowError(
      expect.objectContaining({
        code: "axis",
        message: expect.stringContaining("sum: axis 2 is out of bounds for shape [2, 3] (rank 2)"),
      }),
    );
    expect(() => nd.sum(t, [0, -2])).toThrowError(
      expect.objectContaining({
        code: "axis",
        message: expect.stringContaining("sum: axis 0 repeated for shape [2, 3]"),
      }),
    );
    expect(() => nd.mean(t, 1.5)).toThrowError(nd.TensorError);
  });

  it("sum over all axes equals the sum of the per-axis sums (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 5 }),
        (values, cols) => {
          const rows = Math.floor(values.length / cols);
          fc.pre(rows > 0);
          const x = nd.tensor(values.slice(0, rows * cols), { shape: [rows, cols] });
          const total = nd.sum(x).item();
          expect(nd.sum(nd.sum(x, 0)).item()).toBe(total);
          expect(nd.sum(nd.sum(x, 1)).item()).toBe(total);
        },
      ),
    );
  });
});
