import * as T from "@nnkit/tensor";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { numbers, relativeError } from "../fixtures/numeric.js";
import { matmul } from "../primitives/matmul.js";
import { mul } from "../primitives/mul.js";
import { scale } from "../primitives/scale.js";
import { square } from "../primitives/square.js";
import { sum } from "../primitives/sum-broadcast.js";
import { tanh } from "../primitives/tanh.js";
import type { Value } from "../tracer.js";
import { grad } from "./grad.js";
import { hvp } from "./hvp.js";
import { hessian, jacfwd, jacrev } from "./jacobian.js";
import { jvp } from "./jvp.js";

/** L(x) = xᵀ v vᵀ x = (vᵀx)². */
const quadratic = (v: T.Tensor) => (x: Value) => square(matmul(v, x));

describe("the rank-one quadratic xᵀvvᵀx", () => {
  test("its Hessian is 2vvᵀ", () => {
    const H = hessian(quadratic(T.tensor([4, 2, 3])))(T.tensor([1, 2, 3])) as T.Tensor;
    expect(H.toArray()).toEqual([
      [32, 16, 24],
      [16, 8, 12],
      [24, 12, 18],
    ]);
  });

  test("H does not depend on x, and the ½ convention halves it", () => {
    const v = T.tensor([4, 2, 3]);
    const half = (x: Value) => scale(quadratic(v)(x), 0.5);
    const H = hessian(half)(T.tensor([-7, 0.5, 11])) as T.Tensor;
    expect(H.toArray()).toEqual([
      [16, 8, 12],
      [8, 4, 6],
      [12, 6, 9],
    ]);
  });

  test("hvp gives z = 2vvᵀy = [12, 24, 36] without forming H", () => {
    const v = T.tensor([1, 2, 3]);
    const z = hvp(quadratic(v), T.tensor([0.3, -1, 2]), T.tensor([1, 1, 1])) as T.Tensor;
    expect(numbers(z)).toEqual([12, 24, 36]);
  });
});

describe("nested transformations", () => {
  test("an inner derivative may close over the outer variable (no perturbation confusion)", () => {
    // d/dx [x · d/dy (x · y)] = d/dx x² = 2x
    const inner = (x: Value) => mul(x, grad((y: Value) => mul(x, y))(T.tensor(1)) as Value);
    expect((grad(inner)(T.tensor(3)) as T.Tensor).item()).toBe(6);
    expect((jvp(inner, [T.tensor(3)], [T.tensor(1)])[1] as T.Tensor).item()).toBe(6);
  });

  test("third derivatives: grad of grad of grad", () => {
    const cube = (x: Value) => mul(square(x), x);
    const third = grad((x: Value) => grad((y: Value) => grad(cube)(y) as Value)(x) as Value);
    expect((third(T.tensor(0.7)) as T.Tensor).item()).toBe(6);
  });
});

describe("jacfwd and jacrev", () => {
  const vectorFunction = (W: T.Tensor) => (x: Value) => tanh(mul(matmul(W, x), sum(square(x))));

  test("agree on random vector functions", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(1000),
        (n, m, seed) => {
          const random = T.rng(seed);
          const f = vectorFunction(random.normal([m, n]));
          const x = random.normal([n]);
          const forward = jacfwd(f)(x) as T.Tensor;
          const reverse = jacrev(f)(x) as T.Tensor;
          expect(forward.shape).toEqual([m, n]);
          expect(relativeError(forward, reverse)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  });

  test("the Jacobian of a matrix function has the output's then the input's axes", () => {
    const f = (x: Value) => mul(x, 3);
    const J = jacrev(f)(T.tensor([[1, 2]])) as T.Tensor;
    expect(J.shape).toEqual([1, 2, 1, 2]);
    expect(numbers(J)).toEqual([3, 0, 0, 3]);
  });

  test("hessian of a non-quadratic function agrees with reverse-over-reverse", () => {
    const f = (x: Value) => sum(tanh(mul(x, x)));
    const x = T.tensor([0.3, -0.8, 1.1]);
    const forwardOverReverse = hessian(f)(x) as T.Tensor;
    const reverseOverReverse = jacrev(jacrev(f))(x) as T.Tensor;
    expect(relativeError(forwardOverReverse, reverseOverReverse)).toBeLessThan(1e-12);
    // With u = tanh(x²): d²/dx² u = 2(1 − u²) − 8x²u(1 − u²), and the Hessian is diagonal.
    const diagonal = numbers(x).map((v) => {
      const u = Math.tanh(v * v);
      return 2 * (1 - u * u) - 8 * v * v * u * (1 - u * u);
    });
    expect(relativeError(forwardOverReverse, T.mul(T.eye(3), T.tensor(diagonal)))).toBeLessThan(
      1e-12,
    );
  });
});
