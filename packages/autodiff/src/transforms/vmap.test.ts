// vmap against the loop it replaces: every primitive of the table, batched along random axes with
// random operands shared, gives what evaluating it example by example and stacking gives; and
// vmap composes with grad, jvp and itself (per-example gradients, gradients of batched losses).
import * as T from "@nnkit/tensor";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { bind } from "../bind.js";
import { samples } from "../fixtures/primitive-samples.js";
import { logsumexp } from "../ops/logsumexp.js";
import type { Params } from "../primitive.js";
import type { PrimitiveName } from "../primitive-names.js";
import { add } from "../primitives/add.js";
import { gather } from "../primitives/gather-scatter.js";
import { matmul } from "../primitives/matmul.js";
import { mul } from "../primitives/mul.js";
import { getPrimitive, primitives } from "../primitives/registry.js";
import { square } from "../primitives/square.js";
import { sum } from "../primitives/sum-broadcast.js";
import { take } from "../primitives/take.js";
import { tanh } from "../primitives/tanh.js";
import type { Value } from "../tracer.js";
import { grad } from "./grad.js";
import { hessian } from "./jacobian.js";
import { jvp } from "./jvp.js";
import { vmap } from "./vmap.js";

/** Example b of a batch built from a sample: floats scaled entry by entry, others reversed. */
function example(x: T.Tensor, b: number, seed: number): T.Tensor {
  if (x.dtype === "int32" || x.dtype === "bool") {
    const flat = Array.from(x.toTypedArray());
    return T.tensor(b % 2 === 0 ? flat : flat.reverse(), { shape: [...x.shape], dtype: x.dtype });
  }
  // A positive factor keeps positive samples (log, sqrt, pow) positive.
  return T.mul(x, T.add(1, T.mul(T.rng(seed + b).uniform([...x.shape]), 0.5 * b)));
}

function close(actual: T.Tensor, expected: T.Tensor): void {
  expect(actual.shape).toEqual(expected.shape);
  expect(actual.dtype).toBe(expected.dtype);
  expect(T.allclose(actual, expected, { rtol: 1e-12, atol: 1e-12 })).toBe(true);
}

// The table's sample of every primitive, and the operand ranks its sample leaves out.
const random = T.rng(99);
const cases: [label: string, name: PrimitiveName, inputs: T.Tensor[], params: Params][] = [
  ...primitives.map((p): [string, PrimitiveName, T.Tensor[], Params] => [
    p.name,
    p.name,
    samples[p.name].inputs,
    samples[p.name].params ?? {},
  ]),
  ["matmul vector × matrix", "matmul", [random.normal([3]), random.normal([3, 2])], {}],
  ["matmul matrix × vector", "matmul", [random.normal([2, 3]), random.normal([3])], {}],
  ["matmul vector × vector", "matmul", [random.normal([3]), random.normal([3])], {}],
  ["matmul stack × matrix", "matmul", [random.normal([2, 2, 3]), random.normal([3, 2])], {}],
  ["sum keeping axes", "sum", [random.normal([2, 3])], { axes: [0], keepdims: true }],
  ["add of a scalar", "add", [random.normal([]), random.normal([2])], {}],
];

describe("vmap of every primitive matches a loop over examples", () => {
  for (const [label, name, inputs, params] of cases) {
    test(label, () => {
      const primitive = getPrimitive(name);
      const out = primitive.evaluate(inputs, params);
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 3 }),
          fc.array(fc.option(fc.nat(), { nil: null }), {
            minLength: inputs.length,
            maxLength: inputs.length,
          }),
          fc.nat(),
          fc.nat(1000),
          (size, choices, outChoice, seed) => {
            // At least one operand carries the batch; the others are shared by every example.
            const axes = choices.map((c, i): number | null =>
              c === null ? null : c % (inputs[i]!.rank + 1),
            );
            if (!axes.some((a) => a !== null)) axes[0] = 0;
            const outAxis = outChoice % (out.rank + 1);
            const examples = Array.from({ length: size }, (_, b) =>
              inputs.map((x, i) => (axes[i] === null ? x : example(x, b, seed + 17 * i))),
            );
            const batched = inputs.map((x, i) =>
              axes[i] === null
                ? x
                : T.stack(
                    examples.map((e) => e[i]!),
                    axes[i]!,
                  ),
            );
            const loop = T.stack(
              examples.map((e) => primitive.evaluate(e, params)),
              outAxis,
            );
            const f = (...xs: Value[]) => bind(primitive, xs, params);
            close(vmap(f, axes, outAxis)(...batched) as T.Tensor, loop);
          },
        ),
        { numRuns: 25, seed: 13 },
      );
    });
  }
});

// A two-layer classifier's loss on one example: params shared, x and its int32 label mapped.
type Network = { W1: Value; b1: Value; W2: Value };
const loss = (p: Network, x: Value, t: Value) => {
  const h = tanh(add(matmul(p.W1, x), p.b1));
  const z = matmul(p.W2, h);
  return sub0(logsumexp(z), take(z, t));
};
const sub0 = (a: Value, b: Value) => add(a, mul(b, -1));

function setup() {
  const random = T.rng(21);
  const params = { W1: random.normal([4, 3]), b1: random.normal([4]), W2: random.normal([2, 4]) };
  const X = random.normal([5, 3]);
  const labels = T.tensor([0, 1, 1, 0, 1], { dtype: "int32" });
  return { params, X, labels };
}

describe("vmap composes with the other transformations", () => {
  test("vmap(grad(loss), [null, 0, 0]) gives per-example gradients", () => {
    const { params, X, labels } = setup();
    const perExample = vmap(grad(loss), [null, 0, 0])(params, X, labels) as Record<
      string,
      T.Tensor
    >;
    for (const key of ["W1", "b1", "W2"] as const) {
      const loop = T.stack(
        Array.from({ length: 5 }, (_, b) => {
          const g = grad(loss)(params, T.slice(X, b), T.slice(labels, b)) as Record<
            string,
            T.Tensor
          >;
          return g[key]!;
        }),
      );
      close(perExample[key]!, loop);
    }
  });

  test("grad of a batched loss: grad(Σ vmap(loss)) is the sum of the per-example gradients", () => {
    const { params, X, labels } = setup();
    const total = (p: Network) => sum(vmap(loss, [null, 0, 0])(p, X, labels) as Value);
    const g = grad(total)(params) as Record<string, T.Tensor>;
    const perExample = vmap(grad(loss), [null, 0, 0])(params, X, labels) as Record<
      string,
      T.Tensor
    >;
    for (const key of ["W1", "b1", "W2"]) close(g[key]!, T.sum(perExample[key]!, 0));
  });

  test("jvp of vmap is the vmap of jvp, and vmap closes over an outer transformation's values", () => {
    const random = T.rng(4);
    const A = random.normal([3, 3]);
    const f = (x: Value) => tanh(matmul(A, square(x)));
    const X = random.normal([3, 4]);
    const V = random.normal([3, 4]);
    // Examples along axis 1, results stacked along axis 1.
    const [out, tangent] = jvp((x: Value) => vmap(f, 1, 1)(x), [X], [V]) as T.Tensor[];
    const columns = Array.from({ length: 4 }, (_, b) =>
      jvp(f, [T.slice(X, null, b)], [T.slice(V, null, b)]),
    );
    close(
      out!,
      T.stack(
        columns.map((c) => c[0] as T.Tensor),
        1,
      ),
    );
    close(
      tangent!,
      T.stack(
        columns.map((c) => c[1] as T.Tensor),
        1,
      ),
    );
    // w is a tracer of grad's trace, captured by the vmapped function and shared by the examples.
    const w = random.normal([3]);
    const g = grad((v: Value) => sum(vmap((x: Value) => mul(v, square(x)), 1)(X) as Value))(w);
    close(g, T.sum(T.mul(X, X), 1));
  });

  test("vmap of vmap, of hessian, and of gather with batched indices", () => {
    const random = T.rng(8);
    const X = random.normal([2, 3, 4]);
    const f = (x: Value) => mul(sum(square(x)), x);
    const twice = vmap(vmap(f)) as (x: T.Tensor) => T.Tensor;
    const loop = T.stack(
      Array.from({ length: 2 }, (_, i) =>
        T.stack(Array.from({ length: 3 }, (_, j) => f(T.slice(X, i, j)) as T.Tensor)),
      ),
    );
    close(twice(X), loop);
    const h = vmap(hessian((x: Value) => sum(tanh(square(x)))))(T.slice(X, 0)) as T.Tensor;
    close(
      h,
      T.stack(
        Array.from(
          { length: 3 },
          (_, b) => hessian((x: Value) => sum(tanh(square(x))))(T.slice(X, 0, b)) as T.Tensor,
        ),
      ),
    );
    // Each example picks its own rows, and the gradient scatters back per example.
    const indices = T.tensor(
      [
        [2, 0],
        [1, 1],
        [3, 3],
      ],
      { dtype: "int32" },
    );
    const rows = T.slice(X, 0);
    const picked = vmap((x: Value, i: Value) => sum(square(gather(x, i))), [0, 0]);
    const gRows = grad((x: Value) => sum(picked(x, indices) as Value))(rows);
    // d/dx Σ x[b, k]² over the picked k of row b: 2·x[b, k] for each time k is picked.
    const picks = [
      [2, 0],
      [1, 1],
      [3, 3],
    ];
    const expected = picks.map((pair, b) =>
      [0, 1, 2, 3].map((k) => pair.filter((p) => p === k).length * 2 * (rows.get(b, k) as number)),
    );
    close(gRows, T.tensor(expected));
  });

  test("axes as trees, and errors that say what is wrong", () => {
    const x = T.ones([2, 3]);
    const y = vmap(
      (p: { a: Value; s: Value }) => mul(p.a, p.s),
      [{ a: 0, s: null }],
    )({
      a: x,
      s: T.tensor(2),
    }) as T.Tensor;
    close(y, T.full([2, 3], 2));
    expect(() => vmap((a: Value, b: Value) => add(a, b))(x, T.ones([3, 3]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/vmap: mapped axes have different sizes: 2 and 3/),
      }),
    );
    expect(() => vmap((a: Value) => a, null)(x)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/inAxes maps no argument/),
      }),
    );
    expect(() => vmap((a: Value) => a, 0, null)(x)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(
          /outAxes is null for output 0, but it depends on the mapped arguments/,
        ),
      }),
    );
    expect(() => vmap((a: Value) => a, 2)(x)).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/axis 2 is out of range for rank 2/),
      }),
    );
    expect(() => vmap((a: Value) => a, [0, 0])(x)).toThrowError(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/inAxes has 2 entries for 1 arguments/),
      }),
    );
  });
});
