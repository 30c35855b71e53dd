// A traced graph is columns (node-columns.ts); `graph.nodes` is made from them when read, and a
// graph given as plain nodes is walked through columns made from its nodes.
import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { type Graph, NO_PARAMS } from "./graph.js";
import { evaluateGraph } from "./interpret/evaluate.js";
import { columnsOf, GrowingColumns, inputRange } from "./node-columns.js";
import { name } from "./ops/name.js";
import { mul } from "./primitives/mul.js";
import { sum } from "./primitives/sum-broadcast.js";
import { trace } from "./trace.js";
import type { Value } from "./tracer.js";
import { grad } from "./transforms/grad.js";

const inputsOf = (graph: Graph, id: number) => {
  const columns = columnsOf(graph);
  const [first, end] = inputRange(columns, id);
  return Array.from(columns.inputIds.subarray(first, end));
};

describe("a traced graph's columns", () => {
  // s = Σ (w ⊙ x) · 2, with w ⊙ x named "p": nodes x, w, p = mul(w, x), the constant 2,
  // mul(p, 2), sum.
  const f = (x: Value, w: Value) => sum(mul(name(mul(w, x), "p"), 2));
  const graph = trace(f, T.tensor([1, 2, 3]), T.tensor([4, 5, 6]));

  test("hold what the nodes say: ops, inputs, shapes, dtypes, names", () => {
    const columns = columnsOf(graph);
    expect(columns.count).toBe(6);
    expect(columns.ops).toEqual(["input", "input", "mul", "const", "mul", "sum"]);
    expect(graph.nodes.map((n) => n.op)).toEqual(columns.ops);
    graph.nodes.forEach((node, id) => {
      expect(node.id).toBe(id);
      expect(node.inputs).toEqual(inputsOf(graph, id));
    });
    expect(graph.nodes[2]!.inputs).toEqual([1, 0]);
    expect(graph.nodes[4]!.inputs).toEqual([2, 3]);
    expect(graph.nodes[2]!.name).toBe("p");
    expect("name" in graph.nodes[4]!).toBe(false);
    expect(graph.nodes.map((n) => n.shape)).toEqual([[3], [3], [3], [], [3], []]);
  });

  test("make `graph.nodes` once", () => {
    expect(graph.nodes).toBe(graph.nodes);
  });
});

describe("a graph given as plain nodes", () => {
  // The same computation written out by hand: Σ (w ⊙ x) · 2 at x = [1, 2, 3], w = [4, 5, 6] is
  // 2 · (4 + 10 + 18) = 64.
  const two = T.tensor(2);
  const graph: Graph = {
    nodes: [
      { id: 0, op: "input", inputs: [], shape: [3], dtype: "float64", params: NO_PARAMS },
      { id: 1, op: "input", inputs: [], shape: [3], dtype: "float64", params: NO_PARAMS },
      { id: 2, op: "mul", inputs: [1, 0], shape: [3], dtype: "float64", params: NO_PARAMS },
      { id: 3, op: "const", inputs: [], shape: [], dtype: "float64", params: { value: two } },
      { id: 4, op: "mul", inputs: [2, 3], shape: [3], dtype: "float64", params: NO_PARAMS },
      {
        id: 5,
        op: "sum",
        inputs: [4],
        shape: [],
        dtype: "float64",
        params: { axes: [0], keepdims: false },
      },
    ],
    inputs: [0, 1],
    outputs: [5],
  };

  test("is walked through columns made from its nodes", () => {
    expect(inputsOf(graph, 4)).toEqual([2, 3]);
    const [s] = evaluateGraph(graph, T.tensor([1, 2, 3]), T.tensor([4, 5, 6]));
    expect(s!.item()).toBe(64);
  });

  test("agrees with the traced one, and with the gradient 2w", () => {
    const traced = trace(
      (x: Value, w: Value) => sum(mul(mul(w, x), 2)),
      T.tensor([1, 2, 3]),
      T.tensor([4, 5, 6]),
    );
    expect(traced.nodes.map((n) => [n.op, n.inputs])).toEqual(
      graph.nodes.map((n) => [n.op, n.inputs]),
    );
    const g = grad((x: Value, w: Value) => sum(mul(mul(w, x), 2)))(
      T.tensor([1, 2, 3]),
      T.tensor([4, 5, 6]),
    ) as T.Tensor;
    expect(Array.from(g.toTypedArray())).toEqual([8, 10, 12]);
  });
});

describe("GrowingColumns", () => {
  test("keeps every node's inputs as it grows past its first capacity", () => {
    const columns = new GrowingColumns();
    // Node i reads nodes i − 1 and i − 2 (none for the first two): 300 nodes, 596 input ids.
    for (let i = 0; i < 300; i++) {
      const inputs = i < 2 ? [] : [i - 1, i - 2];
      columns.push(i < 2 ? "input" : "add", inputs, [], "float64", NO_PARAMS);
    }
    const done = columns.finished();
    expect(done.count).toBe(300);
    expect(done.inputStart.length).toBe(301);
    expect(done.inputIds.length).toBe(596);
    for (const i of [0, 1, 2, 63, 64, 65, 299]) {
      const [first, end] = inputRange(done, i);
      expect(Array.from(done.inputIds.subarray(first, end))).toEqual(i < 2 ? [] : [i - 1, i - 2]);
    }
  });
});
