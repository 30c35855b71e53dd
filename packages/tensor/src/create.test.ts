import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectTensor, fixtures } from "./fixtures/fixtures.js";
import { thrown } from "./fixtures/test-support.js";
import * as nd from "./index.js";

describe("tensor()", () => {
  it("reads nested arrays row-major and defaults to float64", () => {
    const t = nd.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect([t.dtype, t.shape, t.strides, t.offset, t.size, t.rank]).toEqual([
      "float64",
      [2, 3],
      [3, 1],
      0,
      6,
      2,
    ]);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("infers bool from booleans and keeps typed-array element types", () => {
    expect(nd.tensor([true, false]).dtype).toBe("bool");
    expect(nd.tensor(new Float32Array([1.5])).dtype).toBe("float32");
    expect(nd.tensor(new Int32Array([1])).dtype).toBe("int32");
    expect(nd.tensor(new Uint8Array([0, 200])).toArray()).toEqual([false, true]);
    expect(nd.tensor(new Uint16Array([200])).dtype).toBe("int32");
    for (const dtype of nd.DTYPES) {
      const t = nd.ones([2], dtype);
      expect(nd.tensor(t.toTypedArray()).dtype).toBe(dtype);
    }
  });

  it("casts on request: int32 truncates toward zero, bool is nonzero-or-NaN", () => {
    expect(nd.tensor([1.9, -1.9, 2 ** 31 - 0.5], { dtype: "int32" }).toArray()).toEqual([
      1,
      -1,
      2 ** 31 - 1,
    ]);
    expect(nd.tensor([0, 0.5, Number.NaN], { dtype: "bool" }).toArray()).toEqual([
      false,
      true,
      true,
    ]);
    expect(nd.tensor([0.1], { dtype: "float32" }).get(0)).toBe(Math.fround(0.1));
  });

  it("reshapes flat data, copies tensors, and builds scalars and empty tensors", () => {
    expect(nd.tensor([1, 2, 3, 4], { shape: [2, 2] }).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    const src = nd.ones([2]);
    const copy = nd.tensor(src);
    expect(copy.data).not.toBe(src.data);
    expect(nd.tensor(7).shape).toEqual([]);
    expect(nd.tensor([]).shape).toEqual([0]);
    expect(nd.tensor([[], []]).shape).toEqual([2, 0]);
  });

  it("rejects ragged arrays, bad elements, bad shapes and bad dtypes", () => {
    expect(() => nd.tensor([[1, 2], [3]])).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining(
          "tensor: ragged nested array: entry [1] should have length 2 to match shape [2, 2]",
        ),
      }),
    );
    expect(() => nd.tensor([1, "a" as unknown as number])).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/tensor: element at \[1\] is string/),
      }),
    );
    expect(() => nd.tensor([1, 2, 3], { shape: [2, 2] })).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("tensor: cannot give 3 elements the shape [2, 2]"),
      }),
    );
    expect(() => nd.tensor([1], { dtype: "int64" as nd.DType })).toThrowError(
      expect.objectContaining({
        code: "dtype",
        message: expect.stringContaining('tensor: unknown dtype "int64"'),
      }),
    );
    expect(() => nd.zeros([2, -1])).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("zeros: shape [2, -1] has an invalid dimension -1"),
      }),
    );
  });
});

describe("creation helpers", () => {
  it("zeros, ones, full and the *Like variants", () => {
    expect(nd.zeros([2, 2]).toArray()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(nd.ones(3, "int32").toArray()).toEqual([1, 1, 1]);
    expect(nd.full([2], 7.5).toArray()).toEqual([7.5, 7.5]);
    expect(nd.full([1], true).dtype).toBe("bool");
    const f = nd.ones([2], "float32");
    expect(nd.zerosLike(f).dtype).toBe("float32");
    expect(nd.onesLike(nd.zeros([0, 2])).shape).toEqual([0, 2]);
  });

  it("full keeps the sign of -0 (1 / -0 is -Infinity), in every float dtype", () => {
    for (const dtype of ["float64", "float32"] as const) {
      const t = nd.full([2], -0, dtype);
      expect([...t.toTypedArray()].map((x) => Object.is(x, -0))).toEqual([true, true]);
      expect(nd.div(nd.ones([2], dtype), t).toArray()).toEqual([-Infinity, -Infinity]);
    }
    expect(Object.is(nd.full([], 0).item(), 0)).toBe(true);
  });

  const creators: Record<"arange" | "linspace" | "eye", (...args: number[]) => nd.Tensor> = {
    arange: nd.arange as (...args: number[]) => nd.Tensor,
    linspace: nd.linspace,
    eye: (n, m) => nd.eye(n!, m),
  };
  it.each(["arange", "linspace", "eye"] as const)("%s against NumPy", (name) => {
    for (const c of fixtures.creation[name]) expectTensor(creators[name](...c.args), c.out);
  });

  it("refuses a zero arange step and negative counts", () => {
    expect(() => nd.arange(0, 3, 0)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining("arange: step must not be 0"),
      }),
    );
    expect(() => nd.linspace(0, 1, -1)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/linspace: num must be a non-negative integer/),
      }),
    );
    expect(() => nd.eye(2.5)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/eye: n must be a non-negative integer/),
      }),
    );
  });
});

describe("reading elements", () => {
  const t = nd.tensor([
    [1, 2],
    [3, 4],
  ]);

  it("get supports negative indices and checks bounds", () => {
    expect(t.get(1, -1)).toBe(4);
    expect(() => t.get(2, 0)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining(
          "get: index 2 is out of bounds for axis 0 of shape [2, 2]",
        ),
      }),
    );
    expect(() => t.get(0)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining("get: expected 2 indices for shape [2, 2], got 1"),
      }),
    );
  });

  it("item works only for one element", () => {
    expect(nd.tensor([[5]]).item()).toBe(5);
    expect(() => t.item()).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/item: only a tensor with one element.*\[2, 2\]/),
      }),
    );
  });

  it("toTypedArray gives a row-major copy of a view", () => {
    const copy = nd.transpose(t).toTypedArray();
    expect(Array.from(copy)).toEqual([1, 3, 2, 4]);
    expect(copy).toBeInstanceOf(Float64Array);
  });
});

describe("dtype conversion and JSON", () => {
  it("astype converts and always copies", () => {
    const t = nd.tensor([-1.5, 0, 2.7]);
    expect(t.astype("int32").toArray()).toEqual([-1, 0, 2]);
    expect(t.astype("bool").toArray()).toEqual([true, false, true]);
    expect(t.astype("float64").data).not.toBe(t.data);
  });

  it("round-trips through JSON for every dtype", () => {
    for (const dtype of nd.DTYPES) {
      const t = nd.transpose(
        nd.tensor(
          [
            [1, 0, 3],
            [4, 5, 0],
          ],
          { dtype },
        ),
      );
      const back = nd.fromJSON(JSON.parse(JSON.stringify(t)));
      expect(back.dtype).toBe(dtype);
      expect(back.toArray()).toEqual(t.toArray());
    }
  });

  it("reads null (how JSON.stringify writes NaN) back as NaN", () => {
    const back = nd.fromJSON(JSON.parse(JSON.stringify(nd.tensor([1, Number.NaN]))));
    expect(back.toArray()).toEqual([1, Number.NaN]);
  });

  it("fromJSON validates its input", () => {
    expect(() =>
      nd.fromJSON({ dtype: "float64", shape: [1], data: ["1" as unknown as number] }),
    ).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/fromJSON: data must contain only numbers/),
      }),
    );
    expect(() => nd.fromJSON({ dtype: "float64", shape: [2], data: [1] })).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("fromJSON: cannot give 1 elements the shape [2]"),
      }),
    );
    expect(() => nd.fromJSON({} as nd.TensorJSON)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/fromJSON: expected an object/),
      }),
    );
  });
});

describe("promoteTypes", () => {
  it("is the chain bool < int32 < float32 < float64", () => {
    expect(nd.promoteTypes("bool", "int32")).toBe("int32");
    expect(nd.promoteTypes("int32", "float32")).toBe("float32");
    expect(nd.promoteTypes("float64", "float32")).toBe("float64");
  });
});

describe("casting to int32 refuses values it cannot hold (NumPy would wrap them silently)", () => {
  it("astype('int32') of 1e10 throws out-of-range naming the element", () => {
    const e = thrown(() => nd.tensor([1, 2, 1e10]).astype("int32"));
    expect(e.code).toBe("out-of-range");
    expect(e.message).toBe(
      "astype: cannot convert element 2 (10000000000) to int32: outside int32's range [-2147483648, 2147483647]",
    );
    expect(e.detail).toEqual({ code: "out-of-range", dtype: "int32", value: 1e10, index: 2 });
  });

  it("refuses NaN and infinities; the index is row-major in the (possibly strided) input", () => {
    const view = nd.transpose(
      nd.tensor([
        [0, Number.NaN],
        [1, 2],
      ]),
    );
    expect(thrown(() => view.astype("int32")).message).toBe(
      "astype: cannot convert element 2 (NaN) to int32: int32 has no NaN",
    );
    for (const x of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(thrown(() => nd.tensor([x]).astype("int32")).code).toBe("out-of-range");
    }
  });

  it("applies the same rule when creating int32 tensors", () => {
    expect(thrown(() => nd.tensor([2 ** 31], { dtype: "int32" })).message).toBe(
      "tensor: cannot convert element 0 (2147483648) to int32: outside int32's range [-2147483648, 2147483647]",
    );
    expect(thrown(() => nd.full([2], 1e10, "int32")).op).toBe("full");
    expect(
      thrown(() =>
        nd.fromJSON({ dtype: "int32", shape: [2], data: [1, null as unknown as number] }),
      ).message,
    ).toBe("fromJSON: cannot convert element 1 (NaN) to int32: int32 has no NaN");
    expect(thrown(() => nd.arange(0, 4e9, 1e9, "int32")).message).toBe(
      "arange: cannot convert element 3 (3000000000) to int32: outside int32's range [-2147483648, 2147483647]",
    );
  });

  it("truncates toward zero inside the range, up to the edges", () => {
    expect(nd.tensor([2147483647.9, -2147483648.9, -0.5, 0.5]).astype("int32").toArray()).toEqual([
      2147483647, -2147483648, 0, 0,
    ]);
    expect(thrown(() => nd.tensor([2147483648]).astype("int32")).code).toBe("out-of-range");
    expect(thrown(() => nd.tensor([-2147483649]).astype("int32")).code).toBe("out-of-range");
  });

  it("is Math.trunc on [-2^31, 2^31) and an error outside, for any double", () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const t = Math.trunc(x);
        if (t >= -(2 ** 31) && t <= 2 ** 31 - 1) {
          expect(nd.tensor([x]).astype("int32").item()).toBe(t + 0);
        } else {
          expect(thrown(() => nd.tensor([x]).astype("int32")).code).toBe("out-of-range");
        }
      }),
    );
  });

  it("float32 rounds to nearest and overflows to ±Infinity, as in NumPy", () => {
    expect(nd.tensor([16777217, 1e39, -1e39]).astype("float32").toArray()).toEqual([
      16777216,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
  });
});
