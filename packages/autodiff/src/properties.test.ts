// Laws over random compositions of primitives with random (broadcasting) shapes:
// ⟨ū, J v⟩ = ⟨Jᵀ ū, v⟩, both modes agree with central differences, and so do second derivatives.
import * as T from "@nnkit/tensor";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { booleanMask } from "./ops/boolean-mask.js";
import { clip } from "./ops/clip.js";
import { logsumexp } from "./ops/logsumexp.js";
import { mean } from "./ops/mean.js";
import { abs } from "./primitives/abs.js";
import { add } from "./primitives/add.js";
import { gt } from "./primitives/compare.js";
import { concatenate } from "./primitives/concatenate.js";
import { cumsum } from "./primitives/cumsum.js";
import { div } from "./primitives/div.js";
import { exp } from "./primitives/exp.js";
import { max, min } from "./primitives/extremum.js";
import { gather, scatterAdd } from "./primitives/gather-scatter.js";
import { log } from "./primitives/log.js";
import { logSoftmax } from "./primitives/log-softmax.js";
import { matmul } from "./primitives/matmul.js";
import { maximum } from "./primitives/maximum.js";
import { mul } from "./primitives/mul.js";
import { neg } from "./primitives/neg.js";
import { pow } from "./primitives/pow.js";
import { relu } from "./primitives/relu.js";
import { reshape } from "./primitives/reshape.js";
import { sigmoid } from "./primitives/sigmoid.js";
import { type Index, slice } from "./primitives/slice-pad.js";
import { softmax } from "./primitives/softmax.js";
import { sqrt } from "./primitives/sqrt.js";
import { square } from "./primitives/square.js";
import { stack } from "./primitives/stack.js";
import { sub } from "./primitives/sub.js";
import { broadcastTo, sum } from "./primitives/sum-broadcast.js";
import { tanh } from "./primitives/tanh.js";
import { transpose } from "./primitives/transpose.js";
import { where } from "./primitives/where.js";
import type { Value } from "./tracer.js";
import { grad } from "./transforms/grad.js";
import { hvp } from "./transforms/hvp.js";
import { jvp } from "./transforms/jvp.js";
import { vjp } from "./transforms/vjp.js";
import { vmap } from "./transforms/vmap.js";

// Every value has a shape drawn from {1, n} per axis, right-aligned with rank ≤ 2, so any two
// broadcast together. Each step keeps values in that family and away from kinks and poles.
type Step = (a: Value, b: Value) => Value;
const steps: Record<string, Step> = {
  add: (a, b) => add(a, b),
  sub: (a, b) => sub(a, b),
  mul: (a, b) => mul(a, b),
  div: (a, b) => div(a, add(square(b), 1)),
  neg: (a) => neg(a),
  exp: (a) => exp(tanh(a)),
  log: (a) => log(add(square(a), 0.5)),
  tanh: (a) => tanh(a),
  sigmoid: (a) => sigmoid(a),
  pow: (a) => pow(add(square(a), 1), 1.5),
  sum: (a, b) => (a.shape.length === 0 ? a : sum(a, b.shape.length % a.shape.length, true)),
  mean: (a) => mean(a, undefined, true),
  transpose: (a) => transpose(a),
  reshape: (a) => reshape(reshape(a, [-1]), a.shape),
  broadcast: (a, b) => broadcastTo(a, T.broadcastShapes(a.shape as number[], b.shape as number[])),
  softmax: (a) => (a.shape.length === 0 ? a : softmax(a)),
  logSoftmax: (a) => (a.shape.length === 0 ? a : logSoftmax(a)),
  sqrt: (a) => sqrt(add(square(a), 0.5)),
  power: (a, b) => pow(add(square(a), 0.5), tanh(b)),
  slice: (a) => (a.shape.length === 0 ? a : slice(a, ...a.shape.map((): Index => [0, 1]))),
  index: (a) => (a.shape.length === 0 ? a : slice(a, 0)),
  reversed: (a) =>
    a.shape.length === 0 ? a : slice(a, ...a.shape.map((): Index => [null, null, -1])),
  concatenate: (a) =>
    a.shape.length === 0
      ? a
      : slice(concatenate([a, mul(a, 2)], -1), ...a.shape.slice(0, -1).map((): Index => null), [
          1,
          1 + (a.shape.at(-1) as number),
        ]),
  logsumexp: (a) => (a.shape.length === 0 ? a : logsumexp(a, -1, true)),
  matmul: (a, b) =>
    a.shape.length === 2 && b.shape.length === 2 && a.shape[1] === b.shape[1]
      ? matmul(a, transpose(b))
      : mul(a, b),
  cumsum: (a) => (a.shape.length === 0 ? cumsum(a) : cumsum(a, -1)),
  // Indices that reorder and repeat ([d−1, 0, 0][:d] along the last axis), so scatter-adds add up.
  gather: (a) => (a.shape.length === 0 ? a : gather(a, lastAxisIndices(a), -1)),
  scatterAdd: (a, b) =>
    a.shape.length === 0
      ? a
      : scatterAdd(a, lastAxisIndices(a), tanh(gather(mul(a, b), lastAxisIndices(a), -1)), -1),
  // Every other entry (in row-major order) selected by a constant mask.
  booleanMask: (a, b) => (a.shape.length === 0 ? a : mul(b, sum(booleanMask(a, everyOther(a))))),
  // A stack of two matrices times a matrix or a vector (batch axes broadcast), summed back over
  // the batch so the result stays in the shape family.
  batchedMatmul: (a, b) => {
    if (a.shape.length === 2 && b.shape.length === 2 && a.shape[1] === b.shape[1]) {
      return sum(
        matmul(stack([a, tanh(a)]), reshape(transpose(b), [1, b.shape[1]!, b.shape[0]!])),
        0,
      );
    }
    if (a.shape.length === 1 && b.shape.length === 2 && a.shape[0] === b.shape[1]) {
      return sum(matmul(stack([b, mul(b, b)]), a), 0);
    }
    return mul(a, b);
  },
};

function lastAxisIndices(a: Value): T.Tensor {
  const d = a.shape.at(-1) as number;
  return T.tensor([d - 1, 0, 0].slice(0, d), { dtype: "int32" });
}

function everyOther(a: Value): T.Tensor {
  const shape = a.shape as number[];
  const size = shape.reduce((p, d) => p * d, 1);
  return T.tensor(
    Array.from({ length: size }, (_, i) => i % 2 === 0),
    { shape },
  );
}

// Piecewise ops: exact laws hold on either side of a kink, but differences across one do not.
const piecewise: Record<string, Step> = {
  relu: (a) => relu(a),
  maximum: (a, b) => maximum(a, b),
  where: (a, b) => where(gt(a, b), a, mul(b, 2)),
  abs: (a) => abs(a),
  clip: (a) => clip(a, -0.5, 0.5),
  max: (a) => (a.shape.length === 0 ? a : max(a, -1, true)),
  min: (a, b) => (a.shape.length === 0 ? a : min(add(a, b), 0, true)),
};

function programs(table: Record<string, Step>) {
  return fc.record({
    n: fc.integer({ min: 1, max: 3 }),
    inputs: fc.array(fc.array(fc.boolean(), { maxLength: 2 }), { minLength: 1, maxLength: 2 }),
    ops: fc.array(
      fc.record({ op: fc.constantFrom(...Object.keys(table)), a: fc.nat(), b: fc.nat() }),
      {
        minLength: 1,
        maxLength: 5,
      },
    ),
    seed: fc.nat(10_000),
  });
}
const programArb = programs(steps);
const allSteps = { ...steps, ...piecewise };
type Program = typeof programArb extends fc.Arbitrary<infer P> ? P : never;

function shapes(p: Program): number[][] {
  return p.inputs.map((axes) => axes.map((full) => (full ? p.n : 1)));
}

function run(p: Program) {
  return (...xs: Value[]): Value => {
    const values = [...xs];
    for (const { op, a, b } of p.ops) {
      values.push(allSteps[op]!(values[a % values.length]!, values[b % values.length]!));
    }
    return values[values.length - 1]!;
  };
}

function dotAll(a: readonly T.Tensor[], b: readonly T.Tensor[]): number {
  return a.reduce((s, x, i) => s + (T.sum(T.mul(x, b[i]!)).item() as number), 0);
}

function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * (1 + Math.abs(b));
}

const settings = { numRuns: 60, seed: 2024 };
const eps = 1e-5;

describe("random compositions of primitives", () => {
  test("⟨ū, jvp(v)⟩ = ⟨vjp(ū), v⟩, piecewise ops included", () => {
    fc.assert(
      fc.property(programs(allSteps), (p) => {
        const random = T.rng(p.seed);
        const xs = shapes(p).map((s) => random.normal(s));
        const vs = shapes(p).map((s) => random.normal(s));
        const f = run(p);
        const [out, tangent] = jvp(f, xs, vs) as [T.Tensor, T.Tensor];
        const u = random.normal([...out.shape]);
        const cotangents = vjp(f, ...xs)[1](u) as T.Tensor[];
        expect(close(dotAll([u], [tangent]), dotAll(cotangents, vs), 1e-10)).toBe(true);
      }),
      settings,
    );
  });

  test("vmap of a program matches the program run on each example, and so does its gradient", () => {
    fc.assert(
      fc.property(programs(allSteps), fc.integer({ min: 1, max: 3 }), (p, size) => {
        const random = T.rng(p.seed);
        const examples = Array.from({ length: size }, () => shapes(p).map((s) => random.normal(s)));
        const stacked = shapes(p).map((_, i) => T.stack(examples.map((e) => e[i]!)));
        const f = run(p);
        const batched = vmap(f)(...stacked) as T.Tensor;
        const loop = T.stack(examples.map((e) => f(...e) as T.Tensor));
        expect(T.allclose(batched, loop, { rtol: 1e-12, atol: 1e-12 })).toBe(true);
        // Per-example gradients of ⟨u, f⟩ against grad example by example.
        const u = random.normal([...(f(...examples[0]!) as T.Tensor).shape]);
        const g = (...xs: Value[]) => sum(mul(u, f(...xs)));
        const perExample = vmap(grad(g, 0))(...stacked) as T.Tensor;
        const each = T.stack(examples.map((e) => grad(g, 0)(...e) as T.Tensor));
        expect(T.allclose(perExample, each, { rtol: 1e-12, atol: 1e-12 })).toBe(true);
      }),
      settings,
    );
  });

  test("jvp and vjp agree with central finite differences", () => {
    fc.assert(
      fc.property(programArb, (p) => {
        const random = T.rng(p.seed);
        const xs = shapes(p).map((s) => random.normal(s));
        const vs = shapes(p).map((s) => random.normal(s));
        const f = run(p);
        const along = (h: number) => f(...xs.map((x, i) => T.add(x, T.mul(vs[i]!, h)))) as T.Tensor;
        const numeric = T.div(T.sub(along(eps), along(-eps)), 2 * eps);
        const tangent = jvp(f, xs, vs)[1] as T.Tensor;
        const u = random.normal([...numeric.shape]);
        const cotangents = vjp(f, ...xs)[1](u) as T.Tensor[];
        expect(T.allclose(tangent, numeric, { rtol: 1e-6, atol: 1e-6 })).toBe(true);
        expect(close(dotAll(cotangents, vs), dotAll([u], [numeric]), 1e-6)).toBe(true);
      }),
      settings,
    );
  });

  test("second derivatives: forward-over-reverse and forward-over-forward agree with differences", () => {
    fc.assert(
      fc.property(programArb, (p) => {
        const random = T.rng(p.seed);
        const xs = shapes(p).map((s) => random.normal(s));
        const vs = shapes(p).map((s) => random.normal(s));
        const ws = shapes(p).map((s) => random.normal(s));
        const f = run(p);
        const u = random.normal([...(f(...xs) as T.Tensor).shape]);
        // g(x) = ⟨ū, f(x)⟩ is scalar: compare H·v with the difference of gradients along v.
        const g = (points: Value[]) => sum(mul(u, f(...points)));
        const shifted = (h: number) => xs.map((x, i) => T.add(x, T.mul(vs[i]!, h)));
        const gradAt = (points: T.Tensor[]) => grad(g)(points) as T.Tensor[];
        const hv = hvp(g, xs, vs) as T.Tensor[];
        const plus = gradAt(shifted(eps));
        const minus = gradAt(shifted(-eps));
        hv.forEach((h, i) => {
          const numeric = T.div(T.sub(plus[i]!, minus[i]!), 2 * eps);
          expect(T.allclose(h, numeric, { rtol: 1e-5, atol: 1e-5 })).toBe(true);
        });
        // ⟨w, H v⟩ from values of g alone (a mixed central difference), independent of vjp.
        const h2 = 1e-4;
        const gAt = (a: number, b: number) =>
          (
            g(xs.map((x, i) => T.add(x, T.add(T.mul(vs[i]!, a), T.mul(ws[i]!, b))))) as T.Tensor
          ).item();
        const mixed = (gAt(h2, h2) - gAt(h2, -h2) - gAt(-h2, h2) + gAt(-h2, -h2)) / (4 * h2 * h2);
        // Round-off in the difference grows with |g| / h²; truncation is O(h²).
        const tolerance = 1e-6 * (1 + Math.abs(mixed) + Math.abs(gAt(0, 0)));
        expect(Math.abs(dotAll(ws, hv) - mixed)).toBeLessThanOrEqual(tolerance);
        // d/dh of jvp(f)(x + h·w)(v) against jvp of the JVP along w.
        const directional = (...points: Value[]) => jvp(f, points, vs)[1] as Value;
        const second = jvp(directional, xs, ws)[1] as T.Tensor;
        const at = (h: number) =>
          directional(...xs.map((x, i) => T.add(x, T.mul(ws[i]!, h)))) as T.Tensor;
        const numeric = T.div(T.sub(at(eps), at(-eps)), 2 * eps);
        expect(T.allclose(second, numeric, { rtol: 1e-5, atol: 1e-5 })).toBe(true);
      }),
      { ...settings, numRuns: 40 },
    );
  });
});
