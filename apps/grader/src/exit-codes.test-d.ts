// Type-level tests (vitest's typecheck mode): CliError's constructor order and code union.
import { describe, expectTypeOf, test } from "vitest";
import { CliError, type CliErrorCode } from "./exit-codes.js";

describe("CliError", () => {
  test("is built as (where, code, message); its code names an exit code other than ok", () => {
    expectTypeOf<ConstructorParameters<typeof CliError>>().toEqualTypeOf<
      [string, CliErrorCode, string]
    >();
    expectTypeOf<CliErrorCode>().toEqualTypeOf<"problems" | "usage" | "io" | "internal">();
    // @ts-expect-error: success is not an error
    new CliError("batch", "ok", "done");
  });
});
