import {
  abstract,
  backwardEquations,
  backwardValues,
  checkGrads,
  findNode,
  grad,
  namedEdges,
  sym,
  trace,
} from "@nnkit/autodiff";
import { graphCost } from "@nnkit/cost";
import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import reference from "./fixtures/hw1_network.json" with { type: "json" };
import { type Hw1Parameters, hw1Network } from "./network.js";

/** Agreement with a NumPy reference to round-off. */
const close = (actual: T.Tensor, expected: unknown) =>
  T.allclose(actual, T.tensor(expected as T.NestedArray), { rtol: 1e-12, atol: 1e-14 });

const params: Hw1Parameters<T.Tensor> = {
  W1: T.tensor(reference.inputs.W1),
  b1: T.tensor(reference.inputs.b1),
  W2: T.tensor(reference.inputs.W2),
  b2: T.tensor(reference.inputs.b2),
  W3: T.tensor(reference.inputs.W3),
  b3: T.tensor(reference.inputs.b3),
};
const x = T.tensor(reference.inputs.x);
const t = T.tensor(reference.inputs.t, { dtype: "int32" });

describe("the homework 2.1 network", () => {
  test("its graph has exactly the edges of 2.1.1 between the handout's variables", () => {
    const graph = trace(hw1Network, params, x, t);
    const variables = new Set(["x", "t", "z1", "h", "z2", "g1", "g2", "y", "y'", "S", "J"]);
    const edges = namedEdges(graph)
      .filter(([from, to]) => variables.has(from) && variables.has(to))
      .map(([from, to]) => `${from}→${to}`)
      .sort();
    expect(edges).toEqual(
      [
        "x→z1",
        "x→z2",
        "z1→h",
        "z2→g1",
        "h→g2",
        "g1→g2",
        "g2→y",
        "y→y'",
        "y'→S",
        "t→S",
        "S→J",
      ].sort(),
    );
  });

  test("parameters feed only their own layer", () => {
    const graph = trace(hw1Network, params, x, t);
    const fromParams = namedEdges(graph).filter(([from]) => /^[Wb]\(/.test(from));
    expect(fromParams.map(([a, b]) => `${a}→${b}`).sort()).toEqual(
      ["W(1)→z1", "b(1)→z1", "W(2)→z2", "b(2)→z2", "W(3)→y", "b(3)→y"].sort(),
    );
  });

  test("forward values match NumPy", () => {
    const named = backwardValues(hw1Network, [params, x, t]);
    for (const [key, expected] of Object.entries(reference.values)) {
      const actual = named.get(key)!.value;
      expect(close(actual, expected), key).toBe(true);
    }
  });

  test("gradients with respect to x and every parameter agree with central finite differences", () => {
    const report = checkGrads(hw1Network, [params, x, t]);
    expect(report.ok, report.summary).toBe(true);
  });

  test("every adjoint equals the hand-derived backward pass of 2.1.2 (NumPy)", () => {
    const named = backwardValues(hw1Network, [params, x, t]);
    for (const [key, expected] of Object.entries(reference.adjoints)) {
      const actual = named.get(key)!.adjoint!;
      expect(close(actual, expected), key).toBe(true);
    }
    expect(named.get("t")!.adjoint).toBeUndefined();
  });

  test("the 2.1.2 equations evaluated directly give the same x̄", () => {
    const v = backwardValues(hw1Network, [params, x, t]);
    const val = (k: string) => v.get(k)!.value;
    const yBar = T.sub(val("y'"), T.tensor([0, 1, 0]));
    const g2Bar = T.matmul(T.transpose(params.W3), yBar);
    const hBar = T.mul(g2Bar, val("g1"));
    const g1Bar = T.mul(g2Bar, val("h"));
    const s = T.sigmoid(val("z2"));
    const z2Bar = T.mul(T.mul(g1Bar, s), T.sub(1, s));
    const z1Bar = T.mul(hBar, T.gt(val("z1"), 0));
    const xBar = T.add(
      T.matmul(T.transpose(params.W1), z1Bar),
      T.matmul(T.transpose(params.W2), z2Bar),
    );
    expect(T.allclose(grad(hw1Network, 1)(params, x, t) as T.Tensor, xBar, { rtol: 1e-12 })).toBe(
      true,
    );
  });

  test("backwardEquations read like the hand derivation", () => {
    const { text } = backwardEquations(hw1Network, params, x, t);
    expect(text.split("\n")).toEqual([
      "J̄ = 1",
      "S̄ = −J̄",
      "ȳ' = S̄ ⊙ onehot(t) ⊘ y'",
      "ȳ = y' ⊙ (ȳ' − Σ(y' ⊙ ȳ'))",
      "ḡ2 = W(3)ᵀ ȳ",
      "ḡ1 = ḡ2 ⊙ h",
      "z̄2 = σ(z2) ⊙ (1 − σ(z2)) ⊙ ḡ1",
      "h̄ = ḡ2 ⊙ g1",
      "z̄1 = ReLU'(z1) ⊙ h̄",
      "x̄ = W(1)ᵀ z̄1 + W(2)ᵀ z̄2",
      "b̄(3) = ȳ",
      "b̄(2) = z̄2",
      "b̄(1) = z̄1",
      "W̄(3) = ȳ g2ᵀ",
      "W̄(2) = z̄2 xᵀ",
      "W̄(1) = z̄1 xᵀ",
    ]);
  });

  test("traces with symbolic sizes D and K for analysis, with the same equations", () => {
    const symbolic = {
      W1: abstract(["K", "D"]),
      b1: abstract(["K"]),
      W2: abstract(["K", "D"]),
      b2: abstract(["K"]),
      W3: abstract([3, "K"]),
      b3: abstract([3]),
    };
    const graph = trace(hw1Network, symbolic, abstract(["D"]), abstract([], "int32"));
    expect(findNode(graph, "z1").shape).toEqual([sym("K")]);
    expect(backwardEquations(graph).text).toBe(backwardEquations(hw1Network, params, x, t).text);
    // Forward pass: W(1)x and W(2)x cost KD each, W(3)g2 costs 3K, h ⊙ g1 costs K, the one-hot
    // product 3, softmax's normalisation 3.
    expect(graphCost(graph).multiplications.toString()).toBe("2KD + 4K + 6");
  });

  test("backwardEquations also come in LaTeX", () => {
    const { latex } = backwardEquations(hw1Network, params, x, t);
    expect(latex).toContain(
      "\\bar{x} &= {W^{(1)}}^{\\top} \\bar{z}_{1} + {W^{(2)}}^{\\top} \\bar{z}_{2}",
    );
    expect(latex).toContain(
      "\\bar{z}_{1} &= \\operatorname{ReLU}'\\left(z_{1}\\right) \\odot \\bar{h}",
    );
    expect(latex.startsWith("\\begin{aligned}")).toBe(true);
  });
});
