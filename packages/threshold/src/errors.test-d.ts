// Type-level tests (vitest's typecheck mode): the errors' constructor order and code union.
import { describe, expectTypeOf, test } from "vitest";
import { ConditionError, ThresholdError, type ThresholdErrorCode } from "./errors.js";

describe("ThresholdError and ConditionError", () => {
  test("are built as (where, code, message, extra?) with a code from the union", () => {
    expectTypeOf<ConstructorParameters<typeof ThresholdError>>().toEqualTypeOf<
      [string, ThresholdErrorCode, string]
    >();
    expectTypeOf<ConstructorParameters<typeof ConditionError>>().toEqualTypeOf<
      [string, "condition", string, { readonly column: number }]
    >();
    expectTypeOf<ConditionError["code"]>().toEqualTypeOf<ThresholdErrorCode>();
    // @ts-expect-error: a condition error's code is "condition"
    new ConditionError("x1 <", "shape", "expected a value", { column: 4 });
    // @ts-expect-error: the code comes second, after where
    new ThresholdError("shape", "network", "a network needs a layer");
  });
});
