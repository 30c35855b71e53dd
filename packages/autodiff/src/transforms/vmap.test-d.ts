// Type-level tests (vitest's typecheck mode): vmap's results are tensors on tensors.
import type { Tensor } from "@nnkit/tensor";
import { describe, expectTypeOf, test } from "vitest";
import { matmul } from "../primitives/matmul.js";
import { sum } from "../primitives/sum-broadcast.js";
import type { Value } from "../tracer.js";
import { grad } from "./grad.js";
import { vmap } from "./vmap.js";

declare const x: Tensor;
declare const v: Value;
const loss = (p: { W: Value }, y: Value) => sum(matmul(p.W, y));

describe("vmap's return type follows its arguments", () => {
  test("tensors in, tensors out; traced values in, values out", () => {
    expectTypeOf(vmap((y: Value) => sum(y))(x)).toEqualTypeOf<Tensor>();
    expectTypeOf(vmap((y: Value) => sum(y))(v)).toEqualTypeOf<Value>();
  });

  test("per-example gradients keep the parameters' structure", () => {
    const g = vmap(grad(loss), [null, 0])({ W: x }, x);
    expectTypeOf(g.W).toEqualTypeOf<Tensor>();
  });
});
