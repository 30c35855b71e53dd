import { describe, expect, it } from "vitest";
import { decode, expectTensor, indexingFixtures } from "./fixtures/fixtures.js";
import * as nd from "./index.js";

const int32 = (values: number[]) => nd.tensor(values, { dtype: "int32" });

describe("cumsum, gather, scatterAdd and boolean masks against NumPy", () => {
  it.each(indexingFixtures.cumsum.map((c) => [c.x.shape, c.x.dtype, c.axis, c] as const))(
    "cumsum %j %s axis %s",
    (_shape, _dtype, axis, c) => {
      expectTensor(nd.cumsum(decode(c.x), axis ?? undefined), c.out);
    },
  );

  it.each(indexingFixtures.gather.map((c) => [c.x.shape, c.indices.shape, c.axis, c] as const))(
    "gather %j indices %j axis %i",
    (_shape, _indices, axis, c) => {
      expectTensor(nd.gather(decode(c.x), decode(c.indices), axis), c.out);
    },
  );

  it.each(indexingFixtures.scatterAdd.map((c) => [c.t.shape, c.indices.shape, c.axis, c] as const))(
    "scatterAdd %j indices %j axis %i (repeated indices add up)",
    (_shape, _indices, axis, c) => {
      expectTensor(nd.scatterAdd(decode(c.t), decode(c.indices), decode(c.updates), axis), c.out);
    },
  );

  it.each(indexingFixtures.booleanMask.map((c) => [c.x.shape, c.mask.shape, c] as const))(
    "x[mask] for %j and mask %j",
    (_shape, _mask, c) => {
      expectTensor(nd.booleanMask(decode(c.x), decode(c.mask)), c.out);
      expectTensor(nd.flatnonzero(decode(c.mask)), c.flatnonzero);
    },
  );
});

describe("indexing by hand", () => {
  it("gather reads strided views and keeps the dtype", () => {
    const m = nd.transpose(nd.reshape(nd.arange(6), [2, 3]));
    expect(nd.gather(m, int32([2, 0])).toArray()).toEqual([
      [2, 5],
      [0, 3],
    ]);
    expect(nd.gather(m, int32([1]), 1).dtype).toBe("int32");
  });

  it("reads contiguous views that start inside their storage", () => {
    const rows = nd.reshape(nd.arange(12), [3, 4]);
    const second = nd.slice(rows, 1); // [4, 5, 6, 7], offset 4
    expect(nd.gather(second, int32([3, 0])).toArray()).toEqual([7, 4]);
    expect(nd.cumsum(second).toArray()).toEqual([4, 9, 15, 22]);
    expect(
      nd.scatterAdd(nd.zeros([2]), int32([1, 1]), nd.slice(nd.arange(4), [2, 4])).toArray(),
    ).toEqual([0, 5]);
  });

  it("cumsum runs along a view's axis and wraps int32 like NumPy's int32", () => {
    expect(nd.cumsum(nd.slice(nd.arange(6), [null, null, -1])).toArray()).toEqual([
      5, 9, 12, 14, 15, 15,
    ]);
    expect(nd.cumsum(int32([2 ** 31 - 1, 1])).toArray()).toEqual([2 ** 31 - 1, -(2 ** 31)]);
  });

  it("bad indices and masks say what and where", () => {
    const x = nd.zeros([3, 2]);
    expect(() => nd.gather(x, int32([0, 3]))).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining(
          "gather: index 3 (entry 1 of the indices) is out of bounds for axis 0 of size 3",
        ),
      }),
    );
    expect(() => nd.gather(x, nd.tensor([0]))).toThrowError(
      expect.objectContaining({
        code: "dtype",
        message: expect.stringMatching(/indices must be int32, got float64/),
      }),
    );
    expect(() => nd.scatterAdd(x, int32([0]), nd.zeros([2]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/updates of shape \[2\] do not match \[1, 2\]/),
      }),
    );
    expect(() => nd.booleanMask(x, nd.tensor([true, false]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(
          /mask of shape \[2\] does not match the leading axes of \[3, 2\]/,
        ),
      }),
    );
    expect(() => nd.booleanMask(x, nd.tensor([1, 0, 1]))).toThrowError(
      expect.objectContaining({
        code: "dtype",
        message: expect.stringMatching(/mask must be bool/),
      }),
    );
    expect(() => nd.cumsum(x, 2)).toThrowError(
      expect.objectContaining({
        code: "axis",
        message: expect.stringMatching(/axis 2 is out of bounds/),
      }),
    );
  });
});
