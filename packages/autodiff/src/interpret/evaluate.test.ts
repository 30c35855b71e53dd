// A forward pass kept for a backward pass (vjp's) drops the values no VJP reads.
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
import { evaluateNodes } from "./evaluate.js";

// x → a = x + 1 (add saves nothing) → b = exp(a) (saves its output) → c = b · 3 (saves both
// inputs) → d = sum(c) (saves nothing): a and c are read by no VJP.
const f = (x: Value) => sum(mul(exp(add(x, 1)), 3));
const x = T.tensor([0.5, -1, 2]);

describe("evaluateNodes for a backward pass", () => {
  const graph = trace(f, x);
  const byOp = (op: string) => graph.nodes.find((n) => n.op === op)!.id;

  it("keeps what a VJP saves, the inputs and the outputs, and drops the rest", () => {
    const all = evaluateNodes(graph, [x]) as T.Tensor[];
    const kept = evaluateNodes(graph, [x], { forBackward: true }) as T.Tensor[];
    for (const op of ["exp", "sum"]) {
      expect(Array.from(kept[byOp(op)]!.toTypedArray())).toEqual(
        Array.from(all[byOp(op)]!.toTypedArray()),
      );
    }
    expect(kept[graph.inputs[0]!]).toBe(x);
    for (const op of ["add", "mul"]) {
      const dropped = kept[byOp(op)]!;
      // A stand-in: the same shape and dtype, no data of its own (a zero-strided zero).
      expect(dropped.shape).toEqual(all[byOp(op)]!.shape);
      expect(dropped.dtype).toBe("float64");
      expect(dropped.strides).toEqual([0]);
      expect(Array.from(dropped.toTypedArray())).toEqual([0, 0, 0]);
    }
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
    const kept = evaluateNodes(graph2, [x], { forBackward: true }) as T.Tensor[];
    expect(kept[a]!.strides).toEqual([0]);
    // d/dx Σ tanh(2(x + 1)) = 2 (1 − tanh²(2(x + 1))), the same with a shared and without.
    const expected = [0.5, -1, 2].map((v) => 2 * (1 - Math.tanh(2 * (v + 1)) ** 2));
    for (const fn of [h, g2]) {
      Array.from((grad(fn)(x) as T.Tensor).toTypedArray()).forEach((v, i) => {
        expect(v).toBeCloseTo(expected[i]!, 12);
      });
    }
  });
});
