import { describe, expect, it } from "vitest";
import { decode, expectTensor, fixtures } from "./fixtures/fixtures.js";
import * as nd from "./index.js";

type Step = [string, unknown];

function replay(t: nd.Tensor, chain: Step[]): nd.Tensor {
  return chain.reduce((x, [name, arg]) => {
    switch (name) {
      case "reshape":
        return nd.reshape(x, arg as number[]);
      case "transpose":
        return nd.transpose(x, (arg ?? undefined) as number[] | undefined);
      case "slice":
        return nd.slice(x, ...(arg as nd.SliceSpec[]));
      case "expandDims":
        return nd.expandDims(x, arg as number);
      case "squeeze":
        return nd.squeeze(x, (arg ?? undefined) as number[] | undefined);
      case "broadcastTo":
        return nd.broadcastTo(x, arg as number[]);
      default:
        throw new Error(`unknown step ${name}`);
    }
  }, t);
}

describe("views of views against NumPy", () => {
  it.each(fixtures.views.map((c) => [JSON.stringify(c.chain), c]))("%s", (_, c) => {
    expectTensor(replay(decode(c.base), c.chain as Step[]), c.out);
  });

  it.each(fixtures.strided.map((c, i) => [i, c]))(
    "binary ops and sums of strided views #%i",
    (_, c) => {
      const a = replay(decode(c.baseA), c.a as Step[]);
      const b = replay(decode(c.baseB), c.b as Step[]);
      expectTensor(nd.add(a, b), c.add);
      expectTensor(nd.mul(a, b), c.mul);
      expectTensor(nd.sum(nd.add(a, b), 0), c.sum0);
    },
  );
});

describe("views share storage", () => {
  const base = nd.arange(0, 24, 1, "float64");

  it("reshape, transpose, slice, squeeze, expandDims and broadcastTo do not copy", () => {
    const chain = nd.expandDims(
      nd.squeeze(nd.slice(nd.transpose(nd.reshape(base, [2, 3, 4])), [1, 3], null, 0)),
      0,
    );
    expect(chain.data).toBe(base.data);
    expect(chain.shape).toEqual([1, 2, 3]);
    expect(chain.toArray()).toEqual([
      [
        [1, 5, 9],
        [2, 6, 10],
      ],
    ]);
    expect(nd.broadcastTo(base, [2, 24]).data).toBe(base.data);
    expect(nd.countOps(() => nd.transpose(nd.reshape(base, [4, 6]))).allocatedElements).toBe(0);
  });

  it("sees writes to the base", () => {
    const b = nd.zeros([2, 3]);
    const col = nd.slice(b, null, 1);
    b.data[4] = 9;
    expect(col.toArray()).toEqual([0, 9]);
  });

  it("reshape copies only when strides make a view impossible", () => {
    const t = nd.transpose(nd.reshape(base, [4, 6]));
    const flat = nd.reshape(t, [-1]);
    expect(flat.data).not.toBe(base.data);
    expect(flat.get(1)).toBe(6);
    const split = nd.reshape(t, [3, 2, 4]);
    expect(split.data).toBe(base.data);
  });

  it("reports contiguity", () => {
    const m = nd.reshape(base, [4, 6]);
    expect(m.isContiguous()).toBe(true);
    expect(nd.transpose(m).isContiguous()).toBe(false);
    expect(nd.slice(m, [1, 3]).isContiguous()).toBe(true);
    expect(nd.transpose(m).contiguous().isContiguous()).toBe(true);
    expect(m.contiguous()).toBe(m);
  });
});

describe("slicing rules", () => {
  const v = nd.arange(10);

  it("follows Python slice semantics for negative and out-of-range bounds", () => {
    expect(nd.slice(v, [-3]).toArray()).toEqual([7, 8, 9]);
    expect(nd.slice(v, [null, -7, -2]).toArray()).toEqual([9, 7, 5]);
    expect(nd.slice(v, [20, 30]).toArray()).toEqual([]);
    expect(nd.slice(v, [8, 2]).shape).toEqual([0]);
    expect(nd.slice(v, [-100, 2]).toArray()).toEqual([0, 1]);
    expect(nd.slice(v, -1).item()).toBe(9);
  });

  it("rejects bad specs with the shape in the message", () => {
    expect(() => nd.slice(v, 10)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining(
          "slice: index 10 is out of bounds for axis 0 of shape [10]",
        ),
      }),
    );
    expect(() => nd.slice(v, [0, 5, 0])).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/slice: step must be a non-zero integer/),
      }),
    );
    expect(() => nd.slice(v, null, null)).toThrowError(
      expect.objectContaining({
        code: "axis",
        message: expect.stringContaining("slice: 2 specs given for shape [10] (rank 1)"),
      }),
    );
  });
});

describe("shape errors", () => {
  const m = nd.zeros([2, 3]);

  it("names the op and shapes", () => {
    expect(() => nd.reshape(m, [4, 2])).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("reshape: cannot reshape [2, 3] (size 6) into [4, 2]"),
      }),
    );
    expect(() => nd.reshape(m, [-1, -1])).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("reshape: only one -1 allowed, got [-1, -1]"),
      }),
    );
    expect(() => nd.reshape(nd.zeros([0, 3]), [-1, 0])).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/reshape: cannot reshape \[0, 3\]/),
      }),
    );
    expect(() => nd.permute(m, [0, 0])).toThrowError(
      expect.objectContaining({
        code: "axis",
        message: expect.stringContaining("permute: axes [0, 0] repeat an axis"),
      }),
    );
    expect(() => nd.transpose(m, [0])).toThrowError(
      expect.objectContaining({
        code: "axis",
        message: expect.stringMatching(/permute: axes \[0\] do not match shape \[2, 3\]/),
      }),
    );
    expect(() => nd.squeeze(m, 0)).toThrowError(
      expect.objectContaining({
        code: "axis",
        message: expect.stringContaining(
          "squeeze: cannot squeeze axis 0 of length 2 in shape [2, 3]",
        ),
      }),
    );
    expect(() => nd.expandDims(m, 3)).toThrowError(
      expect.objectContaining({
        code: "axis",
        message: expect.stringMatching(/expandDims: axis 3 is out of bounds/),
      }),
    );
    expect(() => nd.broadcastTo(m, [3])).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("broadcastTo: cannot broadcast shape [2, 3] to [3]"),
      }),
    );
    expect(() => nd.broadcastTo(m, [4, 3])).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(
          /broadcastTo: shapes \[2, 3\] and \[4, 3\] cannot be broadcast/,
        ),
      }),
    );
    expect(() => nd.broadcastTo(nd.zeros([3]), [1])).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/broadcastTo: cannot broadcast shape \[3\] to \[1\]/),
      }),
    );
  });

  it("zero-size tensors reshape and transpose like any other", () => {
    const e = nd.zeros([0, 3]);
    expect(nd.reshape(e, [3, 0, 1]).shape).toEqual([3, 0, 1]);
    expect(nd.transpose(e).shape).toEqual([3, 0]);
    expect(nd.reshape(e, [-1, 3]).shape).toEqual([0, 3]);
  });
});

describe("broadcastShapes", () => {
  it.each(fixtures.broadcast.map((c) => [c.shapes, c.out]))("%j -> %j", (shapes, out) => {
    expect(nd.broadcastShapes(...(shapes as number[][]))).toEqual(out);
  });

  it("explains a mismatch", () => {
    expect(() => nd.broadcastShapes([2, 3], [4, 3], [1])).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining(
          "broadcastShapes: shapes [2, 3] and [4, 3] and [1] cannot be broadcast together",
        ),
      }),
    );
  });
});

describe("matrixTranspose", () => {
  it("swaps the last two axes of every matrix in a stack, as a view", () => {
    const t = nd.reshape(nd.arange(12), [2, 2, 3]);
    const m = nd.matrixTranspose(t);
    expect(m.shape).toEqual([2, 3, 2]);
    expect(m.data).toBe(t.data);
    expect(m.toArray()).toEqual([
      [
        [0, 3],
        [1, 4],
        [2, 5],
      ],
      [
        [6, 9],
        [7, 10],
        [8, 11],
      ],
    ]);
    expect(() => nd.matrixTranspose(nd.ones([3]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("matrixTranspose: needs at least two axes, got shape [3]"),
      }),
    );
  });
});
