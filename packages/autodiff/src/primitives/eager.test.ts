// Ops on plain tensors evaluate immediately, with values checked by hand.
import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { numbers } from "../fixtures/numeric.js";
import { dot } from "../ops/dot.js";
import { mean } from "../ops/mean.js";
import { outer } from "../ops/outer.js";
import { add } from "./add.js";
import { gt } from "./compare.js";
import { logSoftmax } from "./log-softmax.js";
import { matmul } from "./matmul.js";
import { maximum } from "./maximum.js";
import { mul } from "./mul.js";
import { onehot } from "./onehot.js";
import { pow } from "./pow.js";
import { relu } from "./relu.js";
import { softmax } from "./softmax.js";
import { stack } from "./stack.js";
import { take } from "./take.js";
import { where } from "./where.js";

describe("eager ops", () => {
  test("arithmetic keeps float32 next to plain numbers and broadcasts", () => {
    const a = T.tensor([1, 2], { dtype: "float32" });
    expect(mul(a, 0.5).dtype).toBe("float32");
    expect(add(T.tensor([[1], [2]]), T.tensor([10, 20])).toArray()).toEqual([
      [11, 21],
      [12, 22],
    ]);
  });

  test("softmax and logSoftmax are stable and agree", () => {
    const s = softmax(T.tensor([1000, 1000 + Math.log(3)]));
    expect(numbers(s).map((v) => Number(v.toFixed(12)))).toEqual([0.25, 0.75]);
    const l = logSoftmax(T.tensor([0, Math.log(3)]));
    expect(numbers(l).map((v) => Number(v.toFixed(12)))).toEqual([
      Number(Math.log(0.25).toFixed(12)),
      Number(Math.log(0.75).toFixed(12)),
    ]);
  });

  test("onehot, take and where pick entries", () => {
    const t = T.tensor([2, 0], { dtype: "int32" });
    expect(onehot(t, 3).toArray()).toEqual([
      [0, 0, 1],
      [1, 0, 0],
    ]);
    expect(
      take(
        T.tensor([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        t,
      ).toArray(),
    ).toEqual([3, 4]);
    expect(take(T.tensor([0.2, 0.5, 0.3]), T.tensor(1, { dtype: "int32" })).item()).toBe(0.5);
    const x = T.tensor([-1, 2]);
    expect(where(gt(x, 0), x, 0).toArray()).toEqual([0, 2]);
  });

  test("products, reductions and the rest", () => {
    expect(
      matmul(
        T.tensor([
          [1, 2],
          [3, 4],
        ]),
        T.tensor([1, 1]),
      ).toArray(),
    ).toEqual([3, 7]);
    expect(dot(T.tensor([1, 2, 3]), T.tensor([4, 5, 6])).item()).toBe(32);
    expect(outer(T.tensor([1, 2]), T.tensor([3, 4, 5])).toArray()).toEqual([
      [3, 4, 5],
      [6, 8, 10],
    ]);
    expect(
      mean(
        T.tensor([
          [1, 2],
          [3, 6],
        ]),
        0,
      ).toArray(),
    ).toEqual([2, 4]);
    expect(relu(T.tensor([-1, 0, 2])).toArray()).toEqual([0, 0, 2]);
    expect(maximum(T.tensor([1, 5]), 3).toArray()).toEqual([3, 5]);
    expect(pow(T.tensor([4, 9]), 0.5).toArray()).toEqual([2, 3]);
    expect(stack([T.tensor([1, 2]), T.tensor([3, 4])]).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(stack([T.tensor([1, 2]), T.tensor([3, 4])], -1).toArray()).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });
});
