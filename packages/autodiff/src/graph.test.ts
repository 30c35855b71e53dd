import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { abstract } from "./abstract-value.js";
import { sym } from "./dims.js";
import { classifier, classifierExample } from "./fixtures/classifier.js";
import { edges, findNode, type Graph, isSource } from "./graph.js";
import { evaluateGraph } from "./interpret/evaluate.js";
import { mean } from "./ops/mean.js";
import { name } from "./ops/name.js";
import { outer } from "./ops/outer.js";
import { add } from "./primitives/add.js";
import { exp } from "./primitives/exp.js";
import { matmul } from "./primitives/matmul.js";
import { mul } from "./primitives/mul.js";
import { getPrimitive, primitives } from "./primitives/registry.js";
import { sum } from "./primitives/sum-broadcast.js";
import { transpose } from "./primitives/transpose.js";
import { toDot } from "./render/dot.js";
import { toMermaid } from "./render/mermaid.js";
import { toText } from "./render/text.js";
import { trace } from "./trace.js";
import type { Value } from "./tracer.js";
import { vjp } from "./transforms/vjp.js";

describe("trace", () => {
  test("records nodes with ops, inputs, shapes, dtypes and names", () => {
    const graph = trace(
      (x: Value, W: Value) => name(exp(matmul(W, x)), "z"),
      abstract([3]),
      abstract([2, 3]),
    );
    expect(graph.inputs).toEqual([0, 1]);
    expect(graph.nodes.map((n) => n.op)).toEqual(["input", "input", "matmul", "exp"]);
    expect(findNode(graph, "z")).toMatchObject({
      id: 3,
      inputs: [2],
      shape: [2],
      dtype: "float64",
    });
    expect(edges(graph)).toEqual([
      [1, 2],
      [0, 2],
      [2, 3],
    ]);
    expect(graph.outputs).toEqual([3]);
  });

  test("keeps symbolic sizes and evaluates when sizes are concrete", () => {
    const f = (W: Value, x: Value) => add(matmul(W, x), 1);
    expect(findNode(trace(f, abstract(["m", "n"]), abstract(["n"])), 2).shape).toEqual([sym("m")]);
    const graph = trace(f, abstract([2, 2]), abstract([2]));
    const [out] = evaluateGraph(
      graph,
      T.tensor([
        [1, 2],
        [3, 4],
      ]),
      T.tensor([1, 1]),
    );
    expect(out!.toArray()).toEqual([4, 8]);
  });

  test("a transformed function traces too: the VJP graph of f carries f's names", () => {
    const f = (x: Value) => name(mul(name(exp(x), "e"), x), "y");
    const graph = trace(
      (x: Value, u: Value) => (vjp(f, x)[1](u) as Value[])[0],
      abstract(["n"]),
      abstract(["n"]),
    );
    const names = graph.nodes.map((n) => n.name).filter((n) => n !== undefined);
    expect(names).toEqual(expect.arrayContaining(["e", "y", "ē"]));
    const x = T.tensor([0.5, -1]);
    const u = T.tensor([1, 2]);
    const concrete = trace((a: Value, b: Value) => (vjp(f, a)[1](b) as Value[])[0], x, u);
    const [xBar] = evaluateGraph(concrete, x, u);
    // d/dx (eˣ·x) = eˣ(1 + x)
    expect(xBar!.toArray()).toEqual([Math.exp(0.5) * 1.5, 2 * Math.exp(-1) * 0]);
  });
});

/** Each primitive node's cost rule, as the data @nnkit/cost adds up. */
function costRules(graph: Graph) {
  return graph.nodes
    .filter((n) => !isSource(n))
    .map((n) => ({
      op: n.op,
      cost: getPrimitive(n.op).cost(
        n.inputs.map((i) => graph.nodes[i]!),
        n,
        n.params,
      ),
    }));
}

describe("cost rules (scalar multiplications)", () => {
  test("[a×b]·[b×c] costs abc, elementwise mul one per entry, sums and transposes nothing", () => {
    const graph = trace(
      (A: Value, B: Value) => sum(transpose(mul(matmul(A, B), 2))),
      abstract(["a", "b"]),
      abstract(["b", "c"]),
    );
    const costs = costRules(graph);
    expect(costs.find((c) => c.op === "matmul")!.cost).toEqual([
      { coef: 1, dims: [sym("a"), sym("c"), sym("b")] },
    ]);
    expect(costs.find((c) => c.op === "mul")!.cost).toEqual([
      { coef: 1, dims: [sym("a"), sym("c")] },
    ]);
    expect(costs.find((c) => c.op === "transpose")!.cost).toEqual([]);
    expect(costs.find((c) => c.op === "sum")!.cost).toEqual([]);
  });

  test("v(vᵀy) against (vvᵀ)y as rules: n + n, n² + n² (the sums are cost's)", () => {
    const n = sym("n");
    const v = abstract(["n"]);
    const y = abstract(["n"]);
    const reverse = trace((v: Value, y: Value) => mul(v, matmul(v, y)), v, y);
    const forward = trace((v: Value, y: Value) => matmul(outer(v, v), y), v, y);
    expect(costRules(reverse).flatMap((c) => c.cost)).toEqual([
      { coef: 1, dims: [n] },
      { coef: 1, dims: [n] },
    ]);
    expect(costRules(forward).flatMap((c) => c.cost)).toEqual([
      { coef: 1, dims: [n, n] },
      { coef: 1, dims: [n, n] },
    ]);
  });

  test("a mean over symbolic sizes costs one scaling per output entry", () => {
    const graph = trace((x: Value) => mean(x, 1), abstract(["m", "n"]));
    expect(costRules(graph).flatMap((c) => c.cost)).toEqual([{ coef: 1, dims: [sym("m")] }]);
  });

  test("every primitive is registered once, by name", () => {
    const names = primitives.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(getPrimitive(n).name).toBe(n);
  });
});

describe("drawings", () => {
  const { params, x, t } = classifierExample();
  const graph = trace(classifier, params, x, t);

  test("the text drawing fits the width and shows every named value", () => {
    for (const width of [80, 50]) {
      const lines = toText(graph, width).split("\n");
      expect(lines).toHaveLength(graph.nodes.length);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
    }
    const text = toText(graph);
    expect(text).toContain("tanh(a)");
    expect(text.split("\n").find((l) => l.startsWith("L "))).toContain("◀── neg(S)  ⇒ output");
  });

  test("DOT and Mermaid list every node and edge", () => {
    const dot = toDot(graph);
    const mermaid = toMermaid(graph);
    expect(dot.startsWith("digraph G {")).toBe(true);
    expect(mermaid.startsWith("flowchart LR")).toBe(true);
    expect(dot.match(/->/g)).toHaveLength(edges(graph).length);
    expect(mermaid.match(/-->/g)).toHaveLength(edges(graph).length);
    // Six inputs (W, b, V, c, x, t), then matmul, add, tanh, matmul, add: p is node 11.
    expect(dot).toContain('label="p\\nsoftmax [3]"');
    expect(mermaid).toContain('n11("p<br/>softmax [3]")');
  });
});
