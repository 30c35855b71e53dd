// cumsum, integer-array indexing (gather / scatterAdd) and boolean masks, on values worked out by
// hand; their derivative laws are also in properties.test.ts with every other primitive.
import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { abstract } from "../abstract-value.js";
import { checkGrads } from "../check-grads.js";
import { booleanMask } from "../ops/boolean-mask.js";
import { trace } from "../trace.js";
import type { Value } from "../tracer.js";
import { grad } from "../transforms/grad.js";
import { vjp } from "../transforms/vjp.js";
import { cumsum } from "./cumsum.js";
import { gather, scatterAdd } from "./gather-scatter.js";
import { mul } from "./mul.js";
import { square } from "./square.js";
import { sum } from "./sum-broadcast.js";

const int32 = (values: number[]) => T.tensor(values, { dtype: "int32" });

describe("cumsum", () => {
  test("running sums along an axis, or of the flattened value", () => {
    const m = T.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(cumsum(m, 1).toArray()).toEqual([
      [1, 3, 6],
      [4, 9, 15],
    ]);
    expect(cumsum(m, 0).toArray()).toEqual([
      [1, 2, 3],
      [5, 7, 9],
    ]);
    expect(cumsum(m).toArray()).toEqual([1, 3, 6, 10, 15, 21]);
  });

  test("the gradient of Σ w ⊙ cumsum(x) is the reversed running sum of w", () => {
    const w = T.tensor([1, 10, 100]);
    const g = grad((x: Value) => sum(mul(w, cumsum(x, 0))))(T.tensor([5, 6, 7]));
    // x_j appears in out_i for every i ≥ j: x̄ = [1 + 10 + 100, 10 + 100, 100].
    expect(g.toArray()).toEqual([111, 110, 100]);
  });

  test("second order by differences", () => {
    const f = (x: Value) => square(cumsum(square(x), -1));
    expect(checkGrads(f, [T.rng(3).normal([2, 3])], { order: 2 }).ok).toBe(true);
  });
});

describe("gather and scatterAdd", () => {
  test("x[[2, 0, 2]] along an axis, and its adjoint adds where an index repeats", () => {
    const m = T.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(gather(m, int32([2, 0, 2]), 1).toArray()).toEqual([
      [3, 1, 3],
      [6, 4, 6],
    ]);
    expect(gather(m, int32([-1])).toArray()).toEqual([[4, 5, 6]]);
    const [gx] = vjp((x: Value) => gather(x, int32([2, 0, 2]), 1), m)[1](
      T.tensor([
        [1, 10, 100],
        [1, 1, 1],
      ]),
    ) as T.Tensor[];
    expect(gx!.toArray()).toEqual([
      [10, 0, 101],
      [1, 0, 2],
    ]);
  });

  test("scatterAdd adds updates at the indices, and is differentiable in both x and the updates", () => {
    const x = T.tensor([1, 2, 3]);
    expect(scatterAdd(x, int32([0, 0, 2]), T.tensor([10, 20, 30])).toArray()).toEqual([31, 2, 33]);
    const [gx, gu] = grad(
      (a: Value, u: Value) => sum(mul(T.tensor([1, 2, 3]), scatterAdd(a, int32([2, 2]), u))),
      [0, 1],
    )(x, T.tensor([5, 6]));
    expect(gx!.toArray()).toEqual([1, 2, 3]);
    expect(gu!.toArray()).toEqual([3, 3]);
  });

  test("second order by differences, with repeated indices", () => {
    const idx = int32([1, 1, 0]);
    const f = (x: Value, u: Value) =>
      square(scatterAdd(square(x), idx, mul(u, gather(x, idx, 1)), 1));
    const random = T.rng(5);
    expect(checkGrads(f, [random.normal([2, 2]), random.normal([2, 3])], { order: 2 }).ok).toBe(
      true,
    );
  });

  test("bad indices say what and where", () => {
    expect(() => gather(T.zeros([3]), T.tensor([0]))).toThrowError(
      expect.objectContaining({
        code: "dtype",
        message: expect.stringMatching(/gather: indices must be int32/),
      }),
    );
    expect(() => gather(T.zeros([3]), int32([3]))).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/index 3 .* out of bounds for axis 0 of size 3/),
      }),
    );
    expect(() => scatterAdd(T.zeros([3]), int32([0]), T.zeros([2]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/scatterAdd: updates of shape \[2\] do not match \[1\]/),
      }),
    );
  });
});

describe("booleanMask (x[mask])", () => {
  const x = T.tensor([
    [1, 2],
    [3, 4],
    [5, 6],
  ]);

  test("selects entries or rows in row-major order", () => {
    const entries = T.tensor([
      [true, false],
      [false, true],
      [true, true],
    ]);
    expect(booleanMask(x, entries).toArray()).toEqual([1, 4, 5, 6]);
    expect(booleanMask(x, T.tensor([false, true, true])).toArray()).toEqual([
      [3, 4],
      [5, 6],
    ]);
  });

  test("the gradient lands in the selected places", () => {
    const g = grad((v: Value) => sum(square(booleanMask(v, T.tensor([true, false, true])))))(x);
    expect(g.toArray()).toEqual([
      [2, 4],
      [0, 0],
      [10, 12],
    ]);
  });

  test("a traced mask is refused with the reason", () => {
    expect(() =>
      trace(
        (v: Value, m: Value) => booleanMask(v, m as T.Tensor),
        abstract([3]),
        abstract([3], "bool"),
      ),
    ).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/mask must be a concrete tensor/),
      }),
    );
    expect(() => booleanMask(x, T.tensor([true, false]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(
          /mask of shape \[2\] does not match the leading axes of \[3, 2\]/,
        ),
      }),
    );
  });
});
