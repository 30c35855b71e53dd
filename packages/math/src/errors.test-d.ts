// Type-level tests (vitest's typecheck mode): the error's constructor order and code union.
import { describe, expectTypeOf, test } from "vitest";
import { RationalError, type RationalErrorCode } from "./errors.js";

describe("RationalError", () => {
  test("is built as (where, code, detail) with a code from its union", () => {
    expectTypeOf<ConstructorParameters<typeof RationalError>>().toEqualTypeOf<
      [string, RationalErrorCode, string]
    >();
    expectTypeOf<RationalError["code"]>().toEqualTypeOf<
      "zero-denominator" | "not-a-number" | "not-finite" | "too-large"
    >();
    // @ts-expect-error: the code comes second, after where
    new RationalError("zero-denominator", "Rational.of", "1/0");
  });
});
