// Type-level tests (vitest's typecheck mode): the errors' constructor order and code unions.
import { describe, expectTypeOf, test } from "vitest";
import {
  AssignmentSpecError,
  type AssignmentSpecErrorCode,
  type SpecLocation,
  type SpecPath,
} from "./assignment/spec-error.js";
import { GradingError, type GradingErrorCode } from "./errors.js";
import { EquationError } from "./network/equation-error.js";

describe("grading's errors", () => {
  test("GradingError is built as (op, code, message)", () => {
    expectTypeOf<ConstructorParameters<typeof GradingError>>().toEqualTypeOf<
      [string, GradingErrorCode, string]
    >();
    expectTypeOf<GradingError["code"]>().toEqualTypeOf<
      | "unknown-assignment"
      | "unknown-question"
      | "wrong-kind"
      | "definition"
      | "manual-scores"
      | "invariant"
    >();
    // @ts-expect-error: a GradingError needs its code
    new GradingError("getAssignment", "unknown assignment 'hw9'");
  });

  test("AssignmentSpecError is built as (path, code, detail, found?)", () => {
    expectTypeOf<ConstructorParameters<typeof AssignmentSpecError>>().toEqualTypeOf<
      [
        SpecPath,
        AssignmentSpecErrorCode,
        string,
        { readonly location?: SpecLocation; readonly question?: string }?,
      ]
    >();
    expectTypeOf<AssignmentSpecError["code"]>().toEqualTypeOf<
      "file" | "yaml" | "module" | "schema" | "reference" | "equation"
    >();
    // @ts-expect-error: the code comes second, before the detail
    new AssignmentSpecError(["sizes"], "a size must be whole", "schema");
  });

  test("EquationError is an AssignmentSpecError whose code is equation", () => {
    expectTypeOf<EquationError>().toExtend<AssignmentSpecError>();
    expectTypeOf<ConstructorParameters<typeof EquationError>[1]>().toEqualTypeOf<"equation">();
    // @ts-expect-error: an equation error's code is "equation"
    new EquationError([], "schema", "no equations", { line: 1, column: 0, equation: "" });
  });
});
