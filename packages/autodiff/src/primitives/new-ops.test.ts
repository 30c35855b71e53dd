// The ops issue 13 asked for, on values worked out by hand (their derivative laws are in
// properties.test.ts with every other primitive).
import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { abstract } from "../abstract-value.js";
import { backwardEquations } from "../equations/backward-equations.js";
import { clip } from "../ops/clip.js";
import { logsumexp } from "../ops/logsumexp.js";
import { name } from "../ops/name.js";
import type { Value } from "../tracer.js";
import { grad } from "../transforms/grad.js";
import { vjp } from "../transforms/vjp.js";
import { abs } from "./abs.js";
import { concatenate } from "./concatenate.js";
import { max, min } from "./extremum.js";
import { mul } from "./mul.js";
import { pow } from "./pow.js";
import { type Index, pad, slice } from "./slice-pad.js";
import { sqrt } from "./sqrt.js";
import { sum } from "./sum-broadcast.js";

describe("sqrt, abs, max/min reductions, logsumexp, clip", () => {
  test("values", () => {
    expect(sqrt(T.tensor([4, 9])).toArray()).toEqual([2, 3]);
    expect(abs(T.tensor([-2, 0, 3])).toArray()).toEqual([2, 0, 3]);
    const m = T.tensor([
      [1, 7, 3],
      [4, 2, 9],
    ]);
    expect(max(m, 1).toArray()).toEqual([7, 9]);
    expect(min(m, 0, true).toArray()).toEqual([[1, 2, 3]]);
    expect(clip(T.tensor([-3, 0.2, 5]), -1, 1).toArray()).toEqual([-1, 0.2, 1]);
    // log(e¹⁰⁰⁰ + e¹⁰⁰⁰) = 1000 + log 2, without overflow.
    expect(logsumexp(T.tensor([1000, 1000])).item()).toBeCloseTo(1000 + Math.log(2), 10);
  });

  test("derivatives: √'(4) = ¼, |x|' = sign x, max splits ties, ∇logsumexp = softmax", () => {
    expect((grad((x: Value) => sum(sqrt(x)))(T.tensor([4])) as T.Tensor).toArray()).toEqual([0.25]);
    expect((grad((x: Value) => sum(abs(x)))(T.tensor([-2, 0, 3])) as T.Tensor).toArray()).toEqual([
      -1, 0, 1,
    ]);
    expect((grad((x: Value) => max(x))(T.tensor([5, 1, 5])) as T.Tensor).toArray()).toEqual([
      0.5, 0, 0.5,
    ]);
    const x = T.tensor([0.5, -1, 2]);
    const e = [0.5, -1, 2].map(Math.exp);
    const total = e.reduce((a, b) => a + b, 0);
    const g = grad((v: Value) => logsumexp(v))(x) as T.Tensor;
    Array.from(g.toTypedArray()).forEach((gi, i) => {
      expect(gi).toBeCloseTo(e[i]! / total, 14);
    });
    expect(
      (grad((v: Value) => sum(clip(v, -1, 1)))(T.tensor([-3, 0.2, 5])) as T.Tensor).toArray(),
    ).toEqual([0, 1, 0]);
  });

  test("pow with a tensor exponent: ∂(xʸ)/∂x = y·x^(y−1), ∂/∂y = xʸ log x (0 where x = 0)", () => {
    const x = T.tensor([2, 0]);
    const y = T.tensor([3, 2]);
    expect(pow(x, y).toArray()).toEqual([8, 0]);
    const [gx, gy] = grad((a: Value, b: Value) => sum(pow(a, b)), [0, 1])(x, y) as T.Tensor[];
    expect(gx!.toArray()).toEqual([12, 0]);
    expect(gy!.toTypedArray()[0]).toBeCloseTo(8 * Math.log(2), 14);
    expect(gy!.toTypedArray()[1]).toBe(0);
  });

  test("slicing, integer indexing and concatenate, with their adjoints", () => {
    const m = T.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(slice(m, 1).toArray()).toEqual([4, 5, 6]);
    expect(slice(m, null, [1, 3]).toArray()).toEqual([
      [2, 3],
      [5, 6],
    ]);
    expect(slice(m, -1, -1).toArray()).toEqual(6);
    expect(concatenate([m, m], 1).shape).toEqual([2, 6]);
    expect(pad(T.tensor([1, 2]), [1], [2]).toArray()).toEqual([0, 1, 2, 0, 0]);
    // ∂ Σ w ⊙ x[1, 1:3] / ∂x puts w in the sliced places and zeros elsewhere.
    const w = T.tensor([10, 20]);
    const g = grad((x: Value) => sum(mul(slice(x, 1, [1, 3]), w)))(m) as T.Tensor;
    expect(g.toArray()).toEqual([
      [0, 0, 0],
      [0, 10, 20],
    ]);
    const [ga, gb] = vjp((a: Value, b: Value) => concatenate([a, b], 1), m, T.ones([2, 1]))[1](
      T.reshape(T.arange(8), [2, 4]),
    ) as T.Tensor[];
    expect(ga!.toArray()).toEqual([
      [0, 1, 2],
      [4, 5, 6],
    ]);
    expect(gb!.toArray()).toEqual([[3], [7]]);
  });

  test("slices with steps, negative ones included, pick what NumPy's do; their adjoint scatters back", () => {
    const m = T.reshape(T.arange(12), [3, 4]).astype("float64");
    // The references are @nnkit/tensor's strided views (NumPy's semantics, checked against NumPy).
    const specs: Index[][] = [
      [null, [null, null, -1]],
      [
        [null, null, 2],
        [1, null, 2],
      ],
      [[-1, 0, -1], 2],
      [
        [5, -5, -2],
        [3, 0, -3],
      ],
      [null, [10, null, -1]],
    ];
    for (const spec of specs) {
      expect(slice(m, ...spec).toArray()).toEqual(T.slice(m, ...(spec as T.SliceSpec[])).toArray());
    }
    // ∂ Σ w ⊙ x[::-1] / ∂x = w reversed.
    const g = grad((x: Value) => sum(mul(slice(x, [null, null, -1]), T.tensor([1, 2, 3]))))(
      T.tensor([0, 0, 0]),
    );
    expect(g.toArray()).toEqual([3, 2, 1]);
    expect(() => slice(m, [null, null, 0])).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/step 0 for axis 0 must be a non-zero integer/),
      }),
    );
  });

  test("they read in backward equations", () => {
    const f = (x: Value) => name(sum(sqrt(name(abs(name(x, "x")), "a"))), "L");
    expect(backwardEquations(f, abstract([3])).text.split("\n")).toEqual([
      "L̄ = 1",
      "ā = L̄ ⊘ (2 · √(a))",
      "x̄ = sign(x) ⊙ ā",
    ]);
  });
});
