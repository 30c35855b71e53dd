// Batched matmul with NumPy's semantics: values against a naive loop over the batch, derivatives
// against central differences to second order (checkGrads), and the adjoints' shapes when batch
// axes broadcast.
import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { abstract } from "../abstract-value.js";
import { checkGrads } from "../check-grads.js";
import { backwardEquations } from "../equations/backward-equations.js";
import { name } from "../ops/name.js";
import { trace } from "../trace.js";
import type { Value } from "../tracer.js";
import { vjp } from "../transforms/vjp.js";
import { matmul } from "./matmul.js";
import { sum } from "./sum-broadcast.js";
import { tanh } from "./tanh.js";

/** out[..., i, j] = Σ_k a[..., i, k] b[..., k, j] by three loops, broadcasting batch indices. */
function naiveMatmul(a: T.Tensor, b: T.Tensor): number[] {
  const left = a.rank === 1 ? T.reshape(a, [1, ...a.shape]) : a;
  const right = b.rank === 1 ? T.reshape(b, [...b.shape, 1]) : b;
  const batch = T.broadcastShapes(left.shape.slice(0, -2), right.shape.slice(0, -2));
  const [m, k] = left.shape.slice(-2) as [number, number];
  const n = right.shape.at(-1)!;
  const l = T.broadcastTo(left, [...batch, m, k]);
  const r = T.broadcastTo(right, [...batch, k, n]);
  const count = batch.reduce((p, d) => p * d, 1);
  const lv = T.reshape(l.contiguous(), [count, m, k]);
  const rv = T.reshape(r.contiguous(), [count, k, n]);
  const out: number[] = [];
  for (let p = 0; p < count; p++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let q = 0; q < k; q++) s += (lv.get(p, i, q) as number) * (rv.get(p, q, j) as number);
        out.push(s);
      }
    }
  }
  return out;
}

const cases: [string, number[], number[], number[]][] = [
  ["stack × matrix", [2, 3, 4], [4, 5], [2, 3, 5]],
  ["matrix × stack", [3, 4], [2, 4, 5], [2, 3, 5]],
  ["vector × stack", [4], [2, 4, 5], [2, 5]],
  ["stack × vector", [2, 3, 4], [4], [2, 3]],
  ["batch axes broadcast both ways", [2, 1, 3, 4], [5, 4, 2], [2, 5, 3, 2]],
  ["same batch", [3, 2, 2], [3, 2, 4], [3, 2, 4]],
];

describe("batched matmul (NumPy semantics)", () => {
  test.each(cases)("%s: %j @ %j has shape %j and the loop's values", (_, sa, sb, expected) => {
    const random = T.rng(7);
    const a = random.normal(sa);
    const b = random.normal(sb);
    const out = matmul(a, b);
    expect(out.shape).toEqual(expected);
    const reference = naiveMatmul(a, b);
    Array.from(out.toTypedArray()).forEach((v, i) => {
      expect(v).toBeCloseTo(reference[i]!, 12);
    });
    expect(trace(matmul, abstract(sa), abstract(sb)).nodes.at(-1)!.shape).toEqual(expected);
  });

  test.each(cases)("%s: JVP and VJP agree with differences to second order", (_, sa, sb) => {
    const random = T.rng(11);
    const f = (a: Value, b: Value) => tanh(matmul(a, b));
    const report = checkGrads(f, [random.normal(sa), random.normal(sb)], { order: 2 });
    expect(report.summary).not.toMatch(/FAIL/);
    expect(report.ok).toBe(true);
  });

  test("an operand broadcast along a batch axis gets the sum of its adjoints over that axis", () => {
    const a = T.reshape(T.arange(12), [2, 2, 3]).astype("float64");
    const b = T.tensor([1, -1, 2]);
    const [ga, gb] = vjp(matmul, a, b)[1](T.ones([2, 2])) as T.Tensor[];
    expect(ga!.toArray()).toEqual(T.broadcastTo(b, [2, 2, 3]).toArray());
    // b̄ = Σ over the batch and rows of a: column sums of all four rows.
    expect(gb!.toArray()).toEqual([0 + 3 + 6 + 9, 1 + 4 + 7 + 10, 2 + 5 + 8 + 11]);
  });

  test("symbolic batch sizes trace, and the gradient graph keeps them", () => {
    const graph = trace(
      (a: Value, b: Value) => vjp((x: Value) => sum(matmul(x, b)), a)[1](T.tensor(1))[0] as Value,
      abstract(["n", 3, 4]),
      abstract([4, 2]),
    );
    expect(graph.nodes.at(-1)!.shape).toEqual([{ kind: "symbol", name: "n" }, 3, 4]);
  });

  test("backward equations sum a shared operand's adjoint over the batch", () => {
    const f = (a: Value, b: Value) => name(sum(name(matmul(name(a, "A"), name(b, "B")), "Z")), "L");
    expect(backwardEquations(f, abstract([2, 3, 4]), abstract([4, 5])).text.split("\n")).toEqual([
      "L̄ = 1",
      "Z̄ = L̄",
      "B̄ = Σ_{axis 0}(Aᵀ Z̄)",
      "Ā = Z̄ Bᵀ",
    ]);
    expect(backwardEquations(f, abstract([3, 4]), abstract([4, 5])).text).toContain("B̄ = Aᵀ Z̄");
  });

  test("misaligned or rank-0 operands name both shapes", () => {
    expect(() => matmul(T.zeros([2, 3, 4]), T.zeros([3, 4]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/matmul: shapes \[2, 3, 4\] and \[3, 4\] do not align/),
      }),
    );
    expect(() => matmul(T.zeros([2, 2, 3, 4]), T.zeros([3, 4, 2]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(
          /matmul: shapes \[2, 2\] and \[3\] cannot be broadcast together/,
        ),
      }),
    );
    expect(() => matmul(T.tensor(1), T.zeros([2]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/at least one axis/),
      }),
    );
  });
});
