import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { abstract } from "./abstract-value.js";
import type { Graph, GraphNode } from "./graph.js";
import { evaluateGraph } from "./interpret/evaluate.js";
import { add } from "./primitives/add.js";
import { div } from "./primitives/div.js";
import { mul } from "./primitives/mul.js";
import { tanh } from "./primitives/tanh.js";
import { toText } from "./render/text.js";
import { trace } from "./trace.js";
import type { Value } from "./tracer.js";

const constants = (graph: Graph): GraphNode[] => graph.nodes.filter((n) => n.op === "const");
const constValue = (node: GraphNode) => (node.params.value as T.Tensor).item();

describe("0-d constants", () => {
  test("a number used by several ops is one constant node, read by each of them", () => {
    const graph = trace((x: Value) => add(mul(mul(x, 1.5), 1.5), 1.5), abstract([3]));
    const [c, ...others] = constants(graph);
    expect(others).toEqual([]);
    expect(constValue(c!)).toBe(1.5);
    expect(graph.nodes.filter((n) => n.inputs.includes(c!.id)).map((n) => n.op)).toEqual([
      "mul",
      "mul",
      "add",
    ]);
  });

  test("a long loop of ops on numbers adds one node per op, not two", () => {
    const length = 300;
    const graph = trace((x: Value) => {
      let v = x;
      for (let i = 0; i < length; i++) v = i % 2 === 0 ? mul(v, 1.01) : add(v, 0.1);
      return v;
    }, T.tensor(0.3));
    expect(constants(graph).map(constValue).sort()).toEqual([0.1, 1.01]);
    expect(graph.nodes).toHaveLength(1 + 2 + length);
    // Against the same loop on plain numbers (float64 like the tensors).
    let expected = 0.3;
    for (let i = 0; i < length; i++) expected = i % 2 === 0 ? expected * 1.01 : expected + 0.1;
    expect(evaluateGraph(graph, T.tensor(0.3))[0]!.item()).toBe(expected);
  });

  test("0 and -0 stay two constants (1 / -0 is -Infinity)", () => {
    const f = (x: Value) => [div(x, 0), div(x, -0), div(x, 0)];
    const graph = trace(f, abstract([]));
    expect(constants(graph).map((n) => Object.is(constValue(n), -0))).toEqual([false, true]);
    const traced = evaluateGraph(graph, T.tensor(1)).map((t) => t.item());
    const eager = (f(T.tensor(1)) as T.Tensor[]).map((t) => t.item());
    expect(eager).toEqual([Infinity, -Infinity, Infinity]);
    expect(traced).toEqual(eager);
  });

  test("NaN constants are one node, and compute NaN", () => {
    const graph = trace((x: Value) => add(mul(x, Number.NaN), Number.NaN), abstract([2]));
    expect(constants(graph)).toHaveLength(1);
    const out = evaluateGraph(graph, T.tensor([1, 2]))[0]!.toArray();
    expect(out).toEqual([Number.NaN, Number.NaN]);
  });

  test("the same number in two dtypes is two constants, each of its own dtype", () => {
    const f = (i: Value, x: Value) => [mul(i, 2), mul(x, 2), mul(i, 2)];
    const i = T.tensor([1, 2], { dtype: "int32" });
    const x = T.tensor([1, 2]);
    const graph = trace(f, i, x);
    expect(constants(graph).map((n) => [constValue(n), n.dtype])).toEqual([
      [2, "int32"],
      [2, "float64"],
    ]);
    const traced = evaluateGraph(graph, i, x);
    const eager = f(i, x) as T.Tensor[];
    expect(traced.map((t) => t.dtype)).toEqual(eager.map((t) => t.dtype));
    expect(traced.map((t) => t.toArray())).toEqual(eager.map((t) => t.toArray()));
  });

  test("tensors with more axes are still one constant per tensor, not per value", () => {
    const a = T.tensor([1, 2]);
    const b = T.tensor([1, 2]);
    const graph = trace((x: Value) => add(mul(x, a), mul(x, b)), abstract([2]));
    expect(constants(graph).map((n) => n.params.value)).toEqual([a, b]);
    expect(constants(graph)[0]!.params.value).toBe(a);
    expect(constants(graph)[1]!.params.value).toBe(b);
  });

  test("a drawing shows the shared constant once, with an arrow from it to each op", () => {
    const graph = trace((x: Value) => mul(tanh(mul(x, 2)), 2), abstract([]));
    expect(toText(graph)).toBe(
      [
        "%0  [] float64  input",
        "%1  [] float64  constant",
        "%2  [] float64  ◀── mul(%0, %1)",
        "%3  [] float64  ◀── tanh(%2)",
        "%4  [] float64  ◀── mul(%3, %1)  ⇒ output",
      ].join("\n"),
    );
  });
});
