// Type-level tests (vitest's typecheck mode): the overloaded API's return types.
import type { Tensor } from "@nnkit/tensor";
import { describe, expectTypeOf, test } from "vitest";
import { exp } from "../primitives/exp.js";
import { mul } from "../primitives/mul.js";
import { sum } from "../primitives/sum-broadcast.js";
import type { Value } from "../tracer.js";
import { grad, valueAndGrad } from "./grad.js";
import { hvp } from "./hvp.js";

declare const x: Tensor;
declare const v: Value;
const f = (y: Value) => sum(mul(y, y));

describe("grad's return type follows its arguments", () => {
  test("a Tensor argument gives a Tensor gradient", () => {
    expectTypeOf(grad(f)(x)).toEqualTypeOf<Tensor>();
    const g: Tensor = grad(f)(x);
    expectTypeOf(g).toEqualTypeOf<Tensor>();
  });

  test("a traced Value gives a Value", () => {
    expectTypeOf(grad(f)(v)).toEqualTypeOf<Value>();
  });

  test("trees keep their structure, leaf by leaf", () => {
    const loss = (p: { w: Value; b: Value }, xs: Value[]) => sum(mul(p.w, add1(xs[0]!, p.b)));
    const add1 = (a: Value, b: Value) => mul(a, b);
    expectTypeOf(grad(loss)({ w: x, b: x }, [x])).toEqualTypeOf<{ w: Tensor; b: Tensor }>();
    expectTypeOf(grad(loss, [0, 1])({ w: x, b: x }, [x])).toEqualTypeOf<
      [{ w: Tensor; b: Tensor }, Tensor[]]
    >();
    expectTypeOf(valueAndGrad(loss, 1)({ w: x, b: x }, [x])[1]).toEqualTypeOf<Tensor[]>();
  });

  test("hvp of a Tensor is a Tensor", () => {
    expectTypeOf(hvp((y: Value) => sum(exp(y)), x, x)).toEqualTypeOf<Tensor>();
  });
});
