import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decode, expectTensor, fixtures } from "./fixtures/fixtures.js";
import * as nd from "./index.js";

type Binary = (a: nd.Tensor | number, b: nd.Tensor | number) => nd.Tensor;
const binaryOps: Record<string, Binary> = {
  add: nd.add,
  sub: nd.sub,
  mul: nd.mul,
  div: nd.div,
  pow: nd.pow,
  maximum: nd.maximum,
  minimum: nd.minimum,
  eq: nd.eq,
  ne: nd.ne,
  lt: nd.lt,
  le: nd.le,
  gt: nd.gt,
  ge: nd.ge,
};
const unaryOps: Record<string, (t: nd.Tensor) => nd.Tensor> = {
  neg: nd.neg,
  abs: nd.abs,
  sign: nd.sign,
  exp: nd.exp,
  log: nd.log,
  sqrt: nd.sqrt,
  tanh: nd.tanh,
  sigmoid: nd.sigmoid,
};

describe("binary ops against NumPy (broadcasting, dtypes, zero-size)", () => {
  it.each(Object.keys(binaryOps))("%s", (op) => {
    const cases = fixtures.binary.filter((c) => c.op === op);
    expect(cases.length).toBeGreaterThan(40);
    for (const c of cases) expectTensor(binaryOps[op]!(decode(c.a), decode(c.b)), c.out);
  });
});

describe("weak scalars follow NumPy 2", () => {
  it.each(
    fixtures.scalar.map((c, i) => [`${c.op} ${c.tensor.dtype} ${c.side} ${c.scalar} #${i}`, c]),
  )("%s", (_, c) => {
    const t = decode(c.tensor);
    const f = binaryOps[c.op]!;
    expectTensor(c.side === "right" ? f(t, c.scalar) : f(c.scalar, t), c.out);
  });

  it("two numbers give a 0-d float64 tensor", () => {
    const r = nd.add(2, 3);
    expect([r.dtype, r.shape, r.item()]).toEqual(["float64", [], 5]);
  });
});

describe("unary ops against NumPy", () => {
  it.each(Object.keys(unaryOps))("%s", (op) => {
    const cases = fixtures.unary.filter((c) => c.op === op);
    expect(cases.length).toBeGreaterThan(10);
    for (const c of cases)
      expectTensor(unaryOps[op]!(decode(c.x)), c.out, c.x.dtype === "float32" ? 2e-6 : 1e-14);
  });
});

describe("where", () => {
  it.each(fixtures.where.map((c) => [c.cond.shape, c.a.shape, c.b.shape, c]))(
    "cond %j, a %j, b %j",
    (_c, _a, _b, c) => {
      expectTensor(nd.where(decode(c.cond), decode(c.a), decode(c.b)), c.out);
    },
  );

  it("takes numbers and treats any nonzero (and NaN) condition as true", () => {
    const r = nd.where(nd.tensor([0, 2, Number.NaN]), 1, -1);
    expect(r.toArray()).toEqual([-1, 1, 1]);
  });
});

describe("dtype rules, by hand", () => {
  it("int32 arithmetic wraps like 32-bit integers", () => {
    const big = nd.tensor([2 ** 31 - 1, 65536], { dtype: "int32" });
    expect(nd.add(big, 1).toArray()).toEqual([-(2 ** 31), 65537]);
    expect(nd.mul(big, nd.tensor([2, 65536], { dtype: "int32" })).toArray()).toEqual([-2, 0]);
    expect(nd.pow(nd.tensor([3], { dtype: "int32" }), 21).toArray()).toEqual([1870418611]);
  });

  it("int32 division gives float64; float32 stays float32", () => {
    const i = nd.tensor([1, 2], { dtype: "int32" });
    expect(nd.div(i, i).dtype).toBe("float64");
    expect(nd.div(nd.ones([2], "float32"), 3).dtype).toBe("float32");
    expect(nd.div(nd.ones([2], "float32"), 3).get(0)).toBe(Math.fround(1 / 3));
  });

  it("bool arithmetic computes as int32 and comparisons give bool", () => {
    const b = nd.tensor([true, false, true]);
    expect(nd.add(b, b).dtype).toBe("int32");
    expect(nd.add(b, b).toArray()).toEqual([2, 0, 2]);
    expect(nd.lt(b, 1).dtype).toBe("bool");
    expect(nd.maximum(b, nd.tensor([false, true, false])).toArray()).toEqual([true, true, true]);
  });

  it("negative integer powers of int32 are refused", () => {
    expect(() => nd.pow(nd.tensor([2], { dtype: "int32" }), -1)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/pow: integers to negative integer powers/),
      }),
    );
  });

  it("exactly represents integers up to 2^53 in float64", () => {
    const x = nd.tensor([2 ** 53 - 1, 2 ** 52]);
    expect(nd.sub(x, 1).toArray()).toEqual([2 ** 53 - 2, 2 ** 52 - 1]);
  });

  it("keeps the dtype of a float32 operand mixed with an int32 tensor as float32", () => {
    expect(nd.add(nd.ones([1], "float32"), nd.ones([1], "int32")).dtype).toBe("float32");
  });
});

describe("errors", () => {
  it("names the op and both shapes on a broadcast mismatch", () => {
    const err = (() => {
      try {
        nd.mul(nd.zeros([2, 3]), nd.zeros([4]));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(nd.TensorError);
    expect((err as nd.TensorError).op).toBe("mul");
    expect((err as nd.TensorError).code).toBe("shape");
    expect((err as Error).message).toBe("mul: shapes [2, 3] and [4] cannot be broadcast together");
  });

  it("rejects non-numeric operands", () => {
    expect(() => nd.add(nd.zeros([1]), "1" as unknown as number)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/add: expected a Tensor or a number, got string/),
      }),
    );
    expect(() => nd.exp([1] as unknown as nd.Tensor)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/exp: expected a Tensor/),
      }),
    );
  });
});

describe("float64 fast paths agree with the arithmetic, element by element", () => {
  const plain: Record<string, (x: number, y: number) => number> = {
    add: (x, y) => x + y,
    sub: (x, y) => x - y,
    mul: (x, y) => x * y,
    div: (x, y) => x / y,
  };
  const values = fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), {
    minLength: 2,
    maxLength: 40,
  });

  it.each(Object.keys(plain))("%s: same-shape, scalar on either side, offset views", (name) => {
    const op = binaryOps[name]!;
    const f = plain[name]!;
    fc.assert(
      fc.property(values, values, fc.double({ noNaN: true, min: -10, max: 10 }), (xs, ys, s) => {
        const n = Math.min(xs.length, ys.length);
        const x = nd.tensor(Float64Array.from(xs.slice(0, n)));
        const y = nd.tensor(Float64Array.from(ys.slice(0, n)));
        const at = (t: nd.Tensor) => Array.from(t.toTypedArray());
        expect(at(op(x, y))).toEqual(xs.slice(0, n).map((v, i) => f(v, ys[i]!)));
        expect(at(op(x, s))).toEqual(xs.slice(0, n).map((v) => f(v, s)));
        expect(at(op(s, y))).toEqual(ys.slice(0, n).map((v) => f(s, v)));
        // A view that starts one element in: the loops read from an offset.
        const tail = nd.slice(x, [1, null]);
        expect(at(op(tail, nd.slice(y, [1, null])))).toEqual(
          xs.slice(1, n).map((v, i) => f(v, ys[i + 1]!)),
        );
      }),
      { numRuns: 50 },
    );
  });

  it("sum of a float64 run matches a plain sum of integers exactly (any chunking)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 10_000 }), (xs) => {
        const expected = xs.reduce((a, b) => a + b, 0);
        expect(nd.sum(nd.tensor(Float64Array.from(xs))).item()).toBe(expected);
      }),
      { numRuns: 30 },
    );
  });
});

describe("large results (storage not zero-filled first) hold every element written", () => {
  // 200·120 = 24 000 elements, above the size from which float64 results skip zero-filling.
  const rows = 200;
  const cols = 120;
  const grid = nd.reshape(nd.arange(0, rows * cols, 1, "float64"), [rows, cols]);
  // One assertion per tensor: an expect per element (or toEqual's diffing) is slow on a loaded machine.
  const expectEach = (t: nd.Tensor, f: (i: number, j: number) => number) => {
    expect(t.shape).toEqual([rows, cols]);
    const expected = Float64Array.from({ length: rows * cols }, (_, k) =>
      f(Math.floor(k / cols), k % cols),
    );
    const actual = t.toTypedArray();
    const wrong = expected.findIndex((v, k) => !Object.is(v, actual[k]));
    expect(
      wrong === -1 ? "all equal" : `element ${wrong}: ${actual[wrong]} ≠ ${expected[wrong]}`,
    ).toBe("all equal");
  };

  it("binary ops: contiguous, broadcast rows and columns, transposed views", () => {
    expectEach(nd.add(grid, grid), (i, j) => 2 * (i * cols + j));
    expectEach(nd.mul(grid, 0.5), (i, j) => 0.5 * (i * cols + j));
    const column = nd.reshape(nd.arange(0, rows, 1, "float64"), [rows, 1]);
    expectEach(nd.sub(grid, column), (i, j) => i * cols + j - i);
    const transposed = nd.transpose(
      nd.reshape(nd.arange(0, rows * cols, 1, "float64"), [cols, rows]),
    );
    expectEach(nd.add(transposed, 1), (i, j) => j * rows + i + 1);
  });

  it("unary ops: contiguous and strided input", () => {
    expectEach(nd.neg(grid), (i, j) => -(i * cols + j));
    const wide = nd.reshape(nd.arange(0, rows * cols * 2, 1, "float64"), [rows, 2 * cols]);
    expectEach(nd.abs(nd.slice(wide, null, [null, null, 2])), (i, j) => i * 2 * cols + 2 * j);
  });
});

describe("float64 same-shape fast path (unrolled by 8) agrees with a per-element loop", () => {
  const ops: [string, Binary, (p: number, q: number) => number][] = [
    ["add", nd.add, (p, q) => p + q],
    ["sub", nd.sub, (p, q) => p - q],
    ["mul", nd.mul, (p, q) => p * q],
    ["div", nd.div, (p, q) => p / q],
  ];
  const expected = (a: nd.Tensor, b: nd.Tensor, f: (p: number, q: number) => number) => {
    const p = a.toTypedArray();
    const q = b.toTypedArray();
    return Array.from(p, (v, i) => f(v, q[i]!));
  };

  it.each(ops)("%s on lengths around multiples of 8, views with offsets", (_, op, f) => {
    const base = nd.rng(7).uniform([64], -3, 3);
    const other = nd.rng(8).uniform([64], 0.5, 2);
    for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 31]) {
      // Contiguous views starting at different offsets: the loop must add xo and yo.
      const a = nd.slice(base, [3, 3 + n]);
      const b = nd.slice(other, [11, 11 + n]);
      if (n > 0) expect(a.offset).toBe(3);
      const r = op(a, b);
      expect(Array.from(r.toTypedArray())).toEqual(expected(a, b, f));
    }
  });

  it.each(ops)("%s on 2-D, strided (non-contiguous) and broadcast operands", (_, op, f) => {
    const a = nd.rng(9).uniform([5, 13], -2, 2);
    const b = nd.rng(10).uniform([5, 13], 1, 2);
    expect(Array.from(op(a, b).toTypedArray())).toEqual(expected(a, b, f));
    const strided = nd.slice(nd.rng(11).uniform([5, 26], 1, 2), null, [null, null, 2]);
    expect(strided.isContiguous()).toBe(false);
    expect(Array.from(op(a, strided).toTypedArray())).toEqual(expected(a, strided, f));
    const row = nd.rng(12).uniform([13], 1, 2);
    expect(Array.from(op(a, row).toTypedArray())).toEqual(
      expected(a, nd.broadcastTo(row, [5, 13]), f),
    );
  });

  it("hand-computed values across the unrolled block and the tail", () => {
    const a = nd.arange(1, 11, 1, "float64"); // 1..10: one block of 8, a tail of 2
    const b = nd.full([10], 2);
    expect(nd.add(a, b).toArray()).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(nd.sub(a, b).toArray()).toEqual([-1, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(nd.mul(a, b).toArray()).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(nd.div(a, b).toArray()).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
  });
});
