// Bugs reported in issue 13, each pinned by a test that failed before its fix.
import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { abstract } from "./abstract-value.js";
import { backwardEquations } from "./equations/backward-equations.js";
import { evaluateGraph } from "./interpret/evaluate.js";
import { mean } from "./ops/mean.js";
import { name } from "./ops/name.js";
import { add } from "./primitives/add.js";
import { maximum } from "./primitives/maximum.js";
import { mul } from "./primitives/mul.js";
import { square } from "./primitives/square.js";
import { stack } from "./primitives/stack.js";
import { sum } from "./primitives/sum-broadcast.js";
import { toText } from "./render/text.js";
import { trace } from "./trace.js";
import type { Value } from "./tracer.js";
import { grad } from "./transforms/grad.js";
import { hvp } from "./transforms/hvp.js";
import { jvp } from "./transforms/jvp.js";
import { vjp } from "./transforms/vjp.js";

describe("backward equations show the sum over broadcast axes", () => {
  test("L = Σ (X + b)², X 3×4, b of 4: b̄ sums Z̄ over axis 0", () => {
    const f = (X: Value, b: Value) => {
      const Z = name(add(name(X, "X"), name(b, "b")), "Z");
      return name(sum(square(Z)), "L");
    };
    const { equations, latex } = backwardEquations(f, abstract([3, 4]), abstract([4]));
    const text = Object.fromEntries(equations.map((e) => [e.variable, e.text]));
    expect(text.b).toBe("b̄ = Σ_{axis 0}(Z̄)");
    expect(text.X).toBe("X̄ = Z̄");
    expect(latex).toContain("\\bar{b} &= \\sum_{\\text{axis } 0}\\left(\\bar{Z}\\right)");
  });

  test("a stretched size-1 axis is summed too: b of shape [1, 4]", () => {
    const f = (X: Value, b: Value) => name(sum(add(X, name(b, "b"))), "L");
    const { equations } = backwardEquations(f, abstract([3, 4]), abstract([1, 4]));
    expect(equations.find((e) => e.variable === "b")!.text).toBe("b̄ = Σ_{axis 0}(L̄)");
  });

  test("L = Σ s·x with scalar s: s̄ is the full sum of L̄ ⊙ x", () => {
    const f = (s: Value, x: Value) => name(sum(mul(name(s, "s"), name(x, "x"))), "L");
    const { equations } = backwardEquations(f, abstract([]), abstract(["n"]));
    const text = Object.fromEntries(equations.map((e) => [e.variable, e.text]));
    expect(text.s).toBe("s̄ = Σ(L̄ ⊙ x)");
    expect(text.x).toBe("x̄ = L̄ ⊙ s");
  });
});

describe("transformations of functions with sum or mean trace on symbolic shapes", () => {
  const f = (x: Value) => sum(square(x));

  test("trace(x => grad(f)(x), abstract(['n'])) is the graph of 2x", () => {
    const graph = trace((x: Value) => grad(f)(x), abstract(["n"]));
    const concrete = trace((x: Value) => grad(f)(x), abstract([3]));
    const x = T.tensor([1, -2, 0.5]);
    expect(evaluateGraph(concrete, x)[0]!.toArray()).toEqual([2, -4, 1]);
    expect(graph.nodes[graph.outputs[0]!]!.shape).toEqual([{ kind: "symbol", name: "n" }]);
    // The same computation, except that the seed's broadcast to [n] stays a node (it cannot be
    // computed before n is known), where at n = 3 it was folded into a constant.
    const computing = (g: typeof graph) =>
      g.nodes.map((n) => n.op).filter((op) => op !== "const" && op !== "broadcast");
    expect(computing(graph)).toEqual(computing(concrete));
  });

  test("hvp of a mean traces on [n]", () => {
    const g = (x: Value) => mean(mul(x, x));
    const graph = trace((x: Value, v: Value) => hvp(g, x, v), abstract(["n"]), abstract(["n"]));
    expect(graph.outputs).toHaveLength(1);
    expect(graph.nodes[graph.outputs[0]!]!.shape).toEqual([{ kind: "symbol", name: "n" }]);
    // H = (2/n)·I, so H·v = 2v/n, checked at n = 4.
    const v = T.tensor([1, 2, 3, 4]);
    expect((hvp(g, T.tensor([5, 6, 7, 8]), v) as T.Tensor).toArray()).toEqual([0.5, 1, 1.5, 2]);
  });
});

describe("stack takes an axis, as in NumPy and JAX", () => {
  const a = T.tensor([
    [1, 2],
    [3, 4],
  ]);
  const b = T.tensor([
    [5, 6],
    [7, 8],
  ]);

  test("the new axis goes at `axis` (default 0), negative axes count from the end", () => {
    expect(stack([a, b]).toArray()).toEqual([a.toArray(), b.toArray()]);
    expect(stack([a, b], 1).toArray()).toEqual([
      [
        [1, 2],
        [5, 6],
      ],
      [
        [3, 4],
        [7, 8],
      ],
    ]);
    expect(stack([a, b], -1).toArray()).toEqual([
      [
        [1, 5],
        [2, 6],
      ],
      [
        [3, 7],
        [4, 8],
      ],
    ]);
    expect(() => stack([a, b], 3)).toThrow(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/axis 3 is out of range/),
      }),
    );
  });

  test("its VJP hands each input its slice along the axis", () => {
    /** Entry i along depth `axis` of a nested array, picked by hand. */
    const pick = (x: unknown, axis: number, i: number): unknown =>
      axis === 0 ? (x as unknown[])[i] : (x as unknown[]).map((row) => pick(row, axis - 1, i));
    for (const axis of [0, 1, 2, -2]) {
      const u = T.rng(axis + 5).normal([2, 2, 2]);
      const [ga, gb] = vjp((p: Value, q: Value) => stack([p, q], axis), a, b)[1](u) as T.Tensor[];
      const k = axis < 0 ? axis + 3 : axis;
      expect(ga!.toArray()).toEqual(pick(u.toArray(), k, 0));
      expect(gb!.toArray()).toEqual(pick(u.toArray(), k, 1));
    }
  });
});

describe("maximum at a tie splits the gradient, as JAX does", () => {
  test("∂max(a, b) is ½ to each side where a = b", () => {
    const a = T.tensor([1, 2, 3]);
    const b = T.tensor([1, 5, 0]);
    const [ga, gb] = grad((p: Value, q: Value) => sum(maximum(p, q)), [0, 1])(a, b) as T.Tensor[];
    expect(ga!.toArray()).toEqual([0.5, 0, 1]);
    expect(gb!.toArray()).toEqual([0.5, 1, 0]);
    const tangent = jvp(
      (p: Value, q: Value) => maximum(p, q),
      [a, b],
      [T.tensor([2, 2, 2]), T.tensor([4, 4, 4])],
    )[1] as T.Tensor;
    expect(tangent.toArray()).toEqual([3, 4, 2]);
  });
});

describe("Graph text drawing", () => {
  test("columns stay aligned with long and accented names", () => {
    const graph = trace(
      (x: Value) => name(square(name(mul(name(x, "an_unusually_long_input_name"), 2), "z̄1")), "y"),
      abstract([3]),
    );
    const lines = toText(graph).split("\n");
    const display = (s: string) => [...s.replace(/\p{M}/gu, "")];
    // The shape column starts at the same display column on every line.
    const starts = lines.map((l) => display(l).join("").indexOf("["));
    expect(new Set(starts).size).toBe(1);
    for (const line of lines) expect(display(line).length).toBeLessThanOrEqual(80);
    expect(lines.some((l) => l.includes("…"))).toBe(true);
  });
});
