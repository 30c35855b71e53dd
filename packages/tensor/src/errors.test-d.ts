// Type-level tests (vitest's typecheck mode): the error's constructor order, code union and detail.
import { describe, expectTypeOf, test } from "vitest";
import { TensorError, type TensorErrorCode, type TensorErrorDetail } from "./errors.js";

describe("TensorError", () => {
  test("is built as (op, code, message, detail?) with a code from its union", () => {
    expectTypeOf<ConstructorParameters<typeof TensorError>>().toEqualTypeOf<
      [string, TensorErrorCode, string, TensorErrorDetail?]
    >();
    expectTypeOf<TensorError["code"]>().toEqualTypeOf<TensorErrorCode>();
    expectTypeOf<"shape">().toExtend<TensorErrorCode>();
    // @ts-expect-error: a code outside the union
    new TensorError("add", "broadcast", "shapes [2] and [3] cannot be broadcast");
  });

  test("a detail is narrowed by its code", () => {
    const detail = {} as TensorErrorDetail;
    if (detail.code === "singular") expectTypeOf(detail.pivot).toEqualTypeOf<number>();
    if (detail.code === "too-large") expectTypeOf(detail.shape).toEqualTypeOf<number[]>();
    expectTypeOf<TensorErrorDetail["code"]>().toExtend<TensorErrorCode>();
  });
});
