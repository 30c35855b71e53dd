import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { operands, scalar } from "./bind.js";
import { div } from "./primitives/div.js";
import { mul } from "./primitives/mul.js";

describe("scalar: the 0-d tensors plain numbers become", () => {
  test("one tensor per dtype and value, holding that value in that dtype", () => {
    const a = scalar(1.01);
    expect(scalar(1.01)).toBe(a);
    expect([a.shape, a.dtype, a.item()]).toEqual([[], "float64", 1.01]);
    const f32 = scalar(1.01, "float32");
    expect(f32).not.toBe(a);
    expect([f32.dtype, f32.item()]).toEqual(["float32", Math.fround(1.01)]);
    expect(scalar(2, "int32").dtype).toBe("int32");
    expect(Number.isNaN(scalar(Number.NaN).item())).toBe(true);
  });

  test("-0 is not 0", () => {
    expect(Object.is(scalar(-0).item(), -0)).toBe(true);
    expect(Object.is(scalar(0).item(), 0)).toBe(true);
    expect(div(T.tensor([1, -2]), -0).toArray()).toEqual([-Infinity, Infinity]);
    expect(div(T.tensor([1, -2]), 0).toArray()).toEqual([Infinity, -Infinity]);
  });

  test("values stay right when many different numbers come by (a loop counter)", () => {
    const kept = Array.from({ length: 1000 }, (_, i) => scalar(i / 7));
    kept.forEach((t, i) => {
      expect(t.item()).toBe(i / 7);
    });
    const x = T.tensor([1, 2, 3]);
    for (let i = 0; i < 600; i++) {
      expect(mul(x, i).toArray()).toEqual([i, 2 * i, 3 * i]);
    }
  });

  test("operands follow the other operand's dtype, NumPy-2 weak scalars", () => {
    const i = T.tensor([1], { dtype: "int32" });
    expect(operands(i, 2)[1].dtype).toBe("int32");
    expect(operands(i, 2.5)[1].dtype).toBe("float64");
    expect(operands(T.tensor([1], { dtype: "float32" }), 2)[1].dtype).toBe("float32");
    expect(operands(3, 2).map((v) => v.dtype)).toEqual(["float64", "float64"]);
  });
});
