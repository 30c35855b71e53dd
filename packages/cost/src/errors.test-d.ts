// Type-level tests (vitest's typecheck mode): the error's constructor order and code union.
import { describe, expectTypeOf, test } from "vitest";
import { CostError, type CostErrorCode } from "./errors.js";

describe("CostError", () => {
  test("is built as (op, code, message) with a code from its union", () => {
    expectTypeOf<ConstructorParameters<typeof CostError>>().toEqualTypeOf<
      [string, CostErrorCode, string]
    >();
    expectTypeOf<CostError["code"]>().toEqualTypeOf<
      "shape" | "size" | "variable" | "order" | "argument"
    >();
    // @ts-expect-error: a code outside the union
    new CostError("parsePolynomial", "syntax", "n +");
  });
});
