import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { numbers } from "../fixtures/numeric.js";
import { add } from "../primitives/add.js";
import { logSoftmax } from "../primitives/log-softmax.js";
import { matmul } from "../primitives/matmul.js";
import { mul } from "../primitives/mul.js";
import { pow } from "../primitives/pow.js";
import { square } from "../primitives/square.js";
import { sum } from "../primitives/sum-broadcast.js";
import { take } from "../primitives/take.js";
import type { Value } from "../tracer.js";
import { grad, valueAndGrad } from "./grad.js";
import { jvp } from "./jvp.js";
import { vjp } from "./vjp.js";

describe("grad and friends", () => {
  test("gradients keep the structure of object and array arguments", () => {
    const f = (p: { w: Value; b: Value }, xs: Value[]) => sum(square(add(mul(p.w, xs[0]!), p.b)));
    const p = { w: T.tensor([2, 3]), b: T.tensor(1) };
    const xs = [T.tensor([1, -1])];
    const g = grad(f)(p, xs);
    // f = Σ (w x + b)²: ∂w = 2(wx + b)x, ∂b = Σ 2(wx + b); wx + b = [3, −2]
    expect(numbers(g.w as T.Tensor)).toEqual([6, 4]);
    expect((g.b as T.Tensor).item()).toBe(2);
    const [value, both] = valueAndGrad(f, [0, 1])(p, xs);
    expect((value as T.Tensor).item()).toBe(13);
    expect(numbers(both[1][0] as T.Tensor)).toEqual([12, -12]);
  });

  test("an argument the output ignores gets a zero gradient of its shape", () => {
    const g = grad((_x: Value, y: Value) => sum(y), 0)(T.tensor([1, 2, 3]), T.tensor([4]));
    expect((g as T.Tensor).toArray()).toEqual([0, 0, 0]);
  });

  test("powers: d/dx x^p = p·x^(p−1), and x⁰ has a zero derivative even at 0", () => {
    const g = grad((x: Value) => sum(pow(x, 3)));
    expect(numbers(g(T.tensor([2, -1])) as T.Tensor)).toEqual([12, 3]);
    expect(numbers(grad((x: Value) => sum(pow(x, 0)))(T.tensor([0, 2])) as T.Tensor)).toEqual([
      0, 0,
    ]);
  });

  test("float32 stays float32, cross-entropy through take included", () => {
    const loss = (x: Value, t: Value) => mul(take(logSoftmax(x), t), -1);
    const x = T.tensor([0.5, 1.5, -1], { dtype: "float32" });
    const g = grad(loss)(x, T.tensor(1, { dtype: "int32" })) as T.Tensor;
    expect(g.dtype).toBe("float32");
    // ∂/∂x of −log softmax(x)_t is softmax(x) − onehot(t)
    const s = T.exp(T.sub(x, T.log(T.sum(T.exp(x)))));
    expect(T.allclose(g, T.sub(s, T.tensor([0, 1, 0], { dtype: "float32" })), { rtol: 1e-5 })).toBe(
      true,
    );
  });

  test("vjp and jvp of a matrix product are the transposed and plain products", () => {
    const A = T.tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const f = (x: Value) => matmul(A, x);
    const [out, pullback] = vjp(f, T.tensor([1, 1]));
    expect(numbers(out as T.Tensor)).toEqual([3, 7, 11]);
    expect(numbers((pullback(T.tensor([1, 0, 1])) as T.Tensor[])[0]!)).toEqual([6, 8]);
    expect(numbers(jvp(f, [T.tensor([1, 1])], [T.tensor([1, 0])])[1] as T.Tensor)).toEqual([
      1, 3, 5,
    ]);
  });
});
