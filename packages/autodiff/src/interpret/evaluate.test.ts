// A forward pass kept for a backward pass (vjp's) drops the values no VJP reads, and keeps the
// saved 0-d ones as numbers.
import * as T from "@nnkit/tensor";
import { describe, expect, it } from "vitest";
import { add } from "../primitives/add.js";
import { exp } from "../primitives/exp.js";
import { mul } from "../primitives/mul.js";
import { sum } from "../primitives/sum-broadcast.js";
import { tanh } from "../primitives/tanh.js";
import { trace } from "../trace.js";
import type { Value } from "../tracer.js";
import { grad } from "../transforms/grad.js";
import { evaluateForBackward, evaluateNodes } from "./evaluate.js";

// x → a = x + 1 (add saves nothing) → b = exp(a) (saves its output) → c = b · 3 (saves both
// inputs) → d = sum(c) (saves nothing): a and c are read by no VJP.
const f = (x: Value) => sum(mul(exp(add(x, 1)), 3));
const x = T.tensor([0.5, -1, 2]);

describe("evaluateForBackward", () => {
  const graph = trace(f, x);
  const byOp = (op: string) => graph.nodes.find((n) => n.op === op)!.id;

  it("keeps what a VJP saves, the inputs and the outputs, and drops the rest", () => {
    const all = evaluateNodes(graph, [x]) as T.Tensor[];
    const { values: kept, pack } = evaluateForBackward(graph, [x]);
    for (const op of ["exp", "sum"]) {
      expect(Array.from((kept[byOp(op)] as T.Tensor).toTypedArray())).toEqual(
        Array.from(all[byOp(op)]!.toTypedArray()),
      );
    }
    expect(kept[graph.inputs[0]!]).toBe(x);
    // Dropped: the backward pass reads their shapes and dtypes from the graph.
    for (const op of ["add", "mul"]) expect(kept[byOp(op)]).toBeUndefined();
    // No saved value is 0-d here (the sum is, but it is the output and saves nothing).
    expect(Array.from(pack.packed)).toEqual(graph.nodes.map(() => 0));
  });

  it("leaves gradients unchanged: d/dx Σ 3·exp(x + 1) = 3·exp(x + 1)", () => {
    const g = grad(f)(x) as T.Tensor;
    const expected = [0.5, -1, 2].map((v) => 3 * Math.exp(v + 1));
    Array.from(g.toTypedArray()).forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i]!, 12);
    });
  });

  it("drops a value its last consumer reads twice, and that consumer's VJP still sees its shape", () => {
    // a = x + 1 feeds only b = a + a (add saves nothing): a is dropped once b is computed.
    const g2 = (y: Value) => sum(tanh(add(add(y, 1), add(y, 1))));
    const h = (y: Value) => {
      const a = add(y, 1);
      return sum(tanh(add(a, a)));
    };
    const graph2 = trace(h, x);
    const a = graph2.nodes.find((n) => n.op === "add")!.id;
    const { values: kept } = evaluateForBackward(graph2, [x]);
    expect(kept[a]).toBeUndefined();
    // d/dx Σ tanh(2(x + 1)) = 2 (1 − tanh²(2(x + 1))), the same with a shared and without.
    const expected = [0.5, -1, 2].map((v) => 2 * (1 - Math.tanh(2 * (v + 1)) ** 2));
    for (const fn of [h, g2]) {
      Array.from((grad(fn)(x) as T.Tensor).toTypedArray()).forEach((v, i) => {
        expect(v).toBeCloseTo(expected[i]!, 12);
      });
    }
  });
});

describe("saved 0-d values, kept as numbers", () => {
  // g(x) = 3 · tanh(x): tanh saves its output t = tanh(x), mul saves both its inputs (t and 3), so
  // t is the one computed value the backward pass reads. dg/dx = 3 (1 − t²).
  const g = (v: Value) => mul(tanh(v), 3);

  it("are moved out of the values into the pack after their last use", () => {
    const x0 = T.tensor(0.5);
    const graph = trace(g, x0);
    const t = graph.nodes.find((n) => n.op === "tanh")!.id;
    const { values, pack } = evaluateForBackward(graph, [x0]);
    expect(values[t]).toBeUndefined();
    expect(pack.packed[t]).toBe(1);
    expect(pack.numbers[t]).toBe(Math.tanh(0.5));
    // The output is returned as a tensor, not packed.
    const out = graph.outputs[0]!;
    expect(pack.packed[out]).toBe(0);
    expect((values[out] as T.Tensor).item()).toBeCloseTo(3 * Math.tanh(0.5), 15);
  });

  it("come back as tensors of their dtype for the VJPs: float64 and float32 gradients", () => {
    const expected = 3 * (1 - Math.tanh(0.5) ** 2);
    const g64 = grad(g)(T.tensor(0.5)) as T.Tensor;
    expect(g64.dtype).toBe("float64");
    expect(g64.item()).toBeCloseTo(expected, 14);
    const g32 = grad(g)(T.tensor(0.5, { dtype: "float32" })) as T.Tensor;
    expect(g32.dtype).toBe("float32");
    expect(g32.item()).toBeCloseTo(expected, 6);
  });

  it("include a value nothing reads (packed at its own step)", () => {
    const x0 = T.tensor(0.5);
    // tanh(v) is unused, yet saved by its own VJP.
    const graph = trace((v: Value) => {
      tanh(v);
      return mul(v, 2);
    }, x0);
    const t = graph.nodes.find((n) => n.op === "tanh")!.id;
    const { values, pack } = evaluateForBackward(graph, [x0]);
    expect(values[t]).toBeUndefined();
    expect(pack.packed[t]).toBe(1);
    const unusedTanh = (v: Value) => {
      tanh(v);
      return mul(v, 2);
    };
    expect((grad(unusedTanh)(x0) as T.Tensor).item()).toBe(2);
  });
});
