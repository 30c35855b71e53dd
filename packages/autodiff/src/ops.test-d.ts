// Type-level tests (vitest's typecheck mode): ops give plain tensors for plain tensors and traced
// values under a transformation, whichever overload the arguments pick.
import type { Tensor } from "@nnkit/tensor";
import { describe, expectTypeOf, test } from "vitest";
import { AutodiffError, type AutodiffErrorCode } from "./errors.js";
import type { BinaryOp, UnaryOp } from "./ops/types.js";
import { add } from "./primitives/add.js";
import { concatenate } from "./primitives/concatenate.js";
import { matmul } from "./primitives/matmul.js";
import { pow } from "./primitives/pow.js";
import { relu } from "./primitives/relu.js";
import { reshape } from "./primitives/reshape.js";
import { softmax } from "./primitives/softmax.js";
import { sum } from "./primitives/sum-broadcast.js";
import type { Value } from "./tracer.js";

declare const t: Tensor;
declare const v: Value;

describe("UnaryOp", () => {
  test("a Tensor in gives a Tensor out, a Value a Value", () => {
    expectTypeOf(relu).toEqualTypeOf<UnaryOp>();
    expectTypeOf(relu(t)).toEqualTypeOf<Tensor>();
    expectTypeOf(relu(v)).toEqualTypeOf<Value>();
  });

  test("extra arguments follow the operand, and are checked", () => {
    expectTypeOf(softmax(t)).toEqualTypeOf<Tensor>();
    expectTypeOf(softmax(v, 0)).toEqualTypeOf<Value>();
    expectTypeOf(pow(t, 2)).toEqualTypeOf<Tensor>();
    expectTypeOf(pow(v, v)).toEqualTypeOf<Value>();
    // @ts-expect-error: relu takes no second argument
    relu(t, 1);
    // @ts-expect-error: an axis is a number
    softmax(t, "rows");
  });
});

describe("BinaryOp", () => {
  test("numbers and Tensors give a Tensor; any Value makes it a Value", () => {
    expectTypeOf(add).toEqualTypeOf<BinaryOp>();
    expectTypeOf(add(t, 1)).toEqualTypeOf<Tensor>();
    expectTypeOf(add(2, t)).toEqualTypeOf<Tensor>();
    expectTypeOf(add(t, v)).toEqualTypeOf<Value>();
    expectTypeOf(add(1, v)).toEqualTypeOf<Value>();
  });
});

describe("the overloaded functions", () => {
  test("keep Tensor for Tensor and Value for Value", () => {
    expectTypeOf(sum(t)).toEqualTypeOf<Tensor>();
    expectTypeOf(sum(v, 0, true)).toEqualTypeOf<Value>();
    expectTypeOf(matmul(t, t)).toEqualTypeOf<Tensor>();
    expectTypeOf(matmul(v, v)).toEqualTypeOf<Value>();
    expectTypeOf(reshape(t, [-1])).toEqualTypeOf<Tensor>();
    expectTypeOf(reshape(v, [2, 3])).toEqualTypeOf<Value>();
    expectTypeOf(concatenate([t, t])).toEqualTypeOf<Tensor>();
    expectTypeOf(concatenate([v, v], 1)).toEqualTypeOf<Value>();
  });
});

describe("AutodiffError", () => {
  test("is built as (op, code, message) with a code from its union", () => {
    expectTypeOf<ConstructorParameters<typeof AutodiffError>>().toEqualTypeOf<
      [string, AutodiffErrorCode, string]
    >();
    expectTypeOf<AutodiffError["code"]>().toEqualTypeOf<AutodiffErrorCode>();
    expectTypeOf<AutodiffErrorCode>().toEqualTypeOf<
      "shape" | "dtype" | "argument" | "symbolic" | "trace"
    >();
    // @ts-expect-error: a code outside the union
    new AutodiffError("add", "oops", "message");
  });
});
