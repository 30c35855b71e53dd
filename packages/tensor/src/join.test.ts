import { describe, expect, it } from "vitest";
import { decode, expectTensor, fixtures } from "./fixtures/fixtures.js";
import * as nd from "./index.js";

describe("concat and stack against NumPy", () => {
  it.each(fixtures.join.map((c) => [c.op, c.inputs.map((i) => i.shape), c.axis, c]))(
    "%s %j axis %i",
    (op, _shapes, axis, c) => {
      const inputs = c.inputs.map(decode);
      expectTensor(op === "concat" ? nd.concat(inputs, axis) : nd.stack(inputs, axis), c.out);
    },
  );
});

describe("concat and stack by hand", () => {
  it("stack's axis is NumPy's: a new axis of the result, 0 by default", () => {
    const a = nd.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = nd.mul(a, 10);
    expect(nd.stack([a, b]).toArray()).toEqual([a.toArray(), b.toArray()]);
    expect(nd.stack([a, b], 1).toArray()).toEqual([
      [
        [1, 2, 3],
        [10, 20, 30],
      ],
      [
        [4, 5, 6],
        [40, 50, 60],
      ],
    ]);
    expect(nd.stack([a, b], -1).toArray()).toEqual([
      [
        [1, 10],
        [2, 20],
        [3, 30],
      ],
      [
        [4, 40],
        [5, 50],
        [6, 60],
      ],
    ]);
    expect(nd.stack([a, b], 2).toArray()).toEqual(nd.stack([a, b], -1).toArray());
  });

  it("joins strided views", () => {
    const m = nd.reshape(nd.arange(6), [2, 3]);
    expect(
      nd.concat([nd.transpose(m), nd.slice(nd.transpose(m), null, [null, null, -1])], 1).toArray(),
    ).toEqual([
      [0, 3, 3, 0],
      [1, 4, 4, 1],
      [2, 5, 5, 2],
    ]);
  });

  it("errors name the op and the shapes", () => {
    expect(() => nd.concat([nd.zeros([2, 3]), nd.zeros([2, 4])], 0)).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("concat: shapes [2, 3], [2, 4] differ outside axis 0"),
      }),
    );
    expect(() => nd.stack([nd.zeros([2]), nd.zeros([3])])).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("stack: all shapes must match, got [2], [3]"),
      }),
    );
    expect(() => nd.stack([nd.zeros([2, 3])], 3)).toThrowError(
      expect.objectContaining({
        code: "axis",
        message: expect.stringContaining(
          "stack: axis 3 is out of bounds for stacking shape [2, 3] (the result has rank 3, so axis is in [-3, 2])",
        ),
      }),
    );
    expect(() => nd.concat([])).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining("concat: needs a non-empty array of tensors"),
      }),
    );
    expect(() => nd.concat([nd.zeros([2])], 1)).toThrowError(
      expect.objectContaining({
        code: "axis",
        message: expect.stringMatching(/concat: axis 1 is out of bounds/),
      }),
    );
  });
});
