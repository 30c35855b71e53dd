// The reading path of docs/ARCHITECTURE.md ("Reading autodiff"), step by step, on its three-op
// example f(x, w) = Σ exp(w ⊙ x): each test is one step, so the walk-through cannot drift from the
// code. Expected values are worked out by hand at x = [0, 1, 2], w = [1, 0, −1].
import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { abstract } from "./abstract-value.js";
import { backwardNodes } from "./interpret/backward.js";
import { evaluateNodes } from "./interpret/evaluate.js";
import { keepForBackward } from "./interpret/residuals.js";
import { walkGraph } from "./interpret/walk.js";
import { exp, expPrimitive } from "./primitives/exp.js";
import { mul } from "./primitives/mul.js";
import { sum } from "./primitives/sum-broadcast.js";
import { trace } from "./trace.js";
import type { Value } from "./tracer.js";
import { grad } from "./transforms/grad.js";

const f = (x: Value, w: Value) => sum(exp(mul(w, x)));
const x = T.tensor([0, 1, 2]);
const w = T.tensor([1, 0, -1]);
const e2 = Math.exp(-2);
/** A 1-D value's entries (read through its shape and strides: a broadcast is a view). */
const numbers = (v: Value | null | undefined) => (v as T.Tensor).toArray() as number[];
/** Entry by entry within 1e-12 (tensor's exp need not round exactly as Math.exp does). */
function expectNumbers(v: Value | null | undefined, expected: readonly number[]): void {
  const actual = numbers(v);
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    expect(a).toBeCloseTo(expected[i]!, 12);
  });
}

describe("reading autodiff: f(x, w) = Σ exp(w ⊙ x)", () => {
  // 1. trace.ts, tracer.ts, bind.ts: each op asks its primitive's shape rule and records a node.
  const graph = trace(f, abstract([3]), abstract([3]));

  test("1. trace records input, input, mul, exp, sum", () => {
    expect(graph.nodes.map((n) => n.op)).toEqual(["input", "input", "mul", "exp", "sum"]);
    expect(graph.nodes.map((n) => n.inputs)).toEqual([[], [], [1, 0], [2], [3]]);
    expect(graph.nodes.map((n) => n.shape)).toEqual([[3], [3], [3], [3], []]);
    expect(graph.outputs).toEqual([4]);
  });

  test("2. walkGraph visits the nodes in order; evaluate passes bind, computing numbers", () => {
    const visited: string[] = [];
    walkGraph(graph, ["x", "w"], (id, primitive, ins) => {
      visited.push(`${primitive.name}(${ins.join(", ")})`);
      return `%${id}`;
    });
    expect(visited).toEqual(["mul(w, x)", "exp(%2)", "sum(%3)"]);
    // w ⊙ x = [0, 0, −2], exp of it = [1, 1, e⁻²], and the sum 2 + e⁻².
    const values = evaluateNodes(graph, [x, w]);
    expectNumbers(values[2]!, [0, 0, -2]);
    expectNumbers(values[3]!, [1, 1, e2]);
    expect((values[4] as T.Tensor).item()).toBeCloseTo(2 + e2, 15);
  });

  test("3. backwardNodes runs the VJPs in reverse from the cotangent 1, on the saved values only", () => {
    const values = evaluateNodes(graph, [x, w]);
    // Reverse mode keeps the inputs and exp's output (exp saves "output", mul saves its inputs,
    // sum nothing); mul's and sum's values are dropped: the backward pass reads their shapes from
    // the graph.
    const kept = keepForBackward(graph, values);
    expect(kept.map((v, id) => v === values[id])).toEqual([true, true, false, true, false]);
    expect(kept[2]).toBeUndefined();
    const cts = backwardNodes(graph, kept, [T.tensor(1)], [true, true]);
    // sum's VJP broadcasts 1 to [1, 1, 1]; exp's multiplies by its output: [1, 1, e⁻²];
    // mul's gives x̄ = ct ⊙ w = [1, 0, −e⁻²] and w̄ = ct ⊙ x = [0, 1, 2e⁻²].
    expectNumbers(cts[3], [1, 1, 1]);
    expectNumbers(cts[2], [1, 1, e2]);
    expectNumbers(cts[0], [1, 0, -e2]);
    expectNumbers(cts[1], [0, 1, 2 * e2]);
    // grad (transforms/grad.ts over vjp.ts) says the same.
    const [xBar, wBar] = grad(f, [0, 1])(x, w) as [T.Tensor, T.Tensor];
    expectNumbers(xBar, [1, 0, -e2]);
    expectNumbers(wBar, [0, 1, 2 * e2]);
  });

  test("4. one primitive, exp: what it saves, its rules, its cost and its notation", () => {
    expect(expPrimitive.saves).toEqual(["output"]);
    const out = expPrimitive.evaluate([x], {});
    expectNumbers(out, [1, Math.E, Math.exp(2)]);
    // JVP: t ⊙ out; VJP: ct ⊙ out.
    const t = T.tensor([1, 2, 3]);
    expectNumbers(expPrimitive.jvp([x], [t], out, {}), [1, 2 * Math.E, 3 * Math.exp(2)]);
    expectNumbers(
      expPrimitive.vjp(t, [x], out, {}, [true])[0]!,
      numbers(expPrimitive.jvp([x], [t], out, {})),
    );
    expect(expPrimitive.cost([abstract([3])], abstract([3]), {})).toEqual([]);
    const atom = { text: "z", latex: "z", prec: 100 };
    const ct = { text: "z̄", latex: "\\bar z", prec: 100 };
    expect(expPrimitive.notation.forward([atom], {}).text).toBe("exp(z)");
    expect(expPrimitive.notation.adjoint(0, ct, [atom], atom, {}).text).toBe("exp(z) ⊙ z̄");
  });
});
