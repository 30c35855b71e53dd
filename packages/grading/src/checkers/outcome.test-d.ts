// Type-level tests (vitest's typecheck mode): the outcome and result unions narrow by their tags.
import { describe, expectTypeOf, test } from "vitest";
import type { QuestionResult, QuestionStatus } from "../grade/result.js";
import type {
  CheckOutcome,
  Counterexample,
  Finding,
  ItemVerdict,
  OutcomeItem,
  Scope,
} from "./outcome.js";

declare const outcome: CheckOutcome;
declare const finding: Finding;
declare const scope: Scope;
declare const counterexample: Counterexample;

describe("CheckOutcome", () => {
  test("only a graded outcome carries a fraction", () => {
    if (outcome.status === "graded") expectTypeOf(outcome.fraction).toEqualTypeOf<number>();
    else expectTypeOf(outcome).not.toHaveProperty("fraction");
    expectTypeOf(outcome.items).toEqualTypeOf<readonly OutcomeItem[]>();
    expectTypeOf<CheckOutcome["status"]>().toEqualTypeOf<
      "graded" | "invalid" | "manual" | "review"
    >();
  });
});

describe("an item's parts narrow by kind", () => {
  test("findings", () => {
    if (finding.kind === "unreadable") expectTypeOf(finding.message).toEqualTypeOf<string>();
    if (finding.kind === "entries-differ") {
      expectTypeOf(finding.positions).toEqualTypeOf<readonly (readonly number[])[]>();
    }
    if (finding.kind === "chain-incomplete") expectTypeOf(finding).not.toHaveProperty("message");
  });

  test("scopes: a proof names its domain, a sample its count", () => {
    if (scope.kind === "proof") expectTypeOf(scope.domain).toEqualTypeOf<string>();
    if (scope.kind === "sampled") expectTypeOf(scope).not.toHaveProperty("domain");
  });

  test("counterexamples: an input has both outputs, a point its coordinates", () => {
    if (counterexample.kind === "input") {
      expectTypeOf(counterexample.expected).toEqualTypeOf<readonly string[]>();
    }
    if (counterexample.kind === "point") {
      expectTypeOf(counterexample.expected).toEqualTypeOf<boolean>();
    }
  });

  test("verdicts and statuses are closed sets of names", () => {
    expectTypeOf<OutcomeItem["verdict"]>().toEqualTypeOf<ItemVerdict>();
    expectTypeOf<QuestionResult["status"]>().toEqualTypeOf<QuestionStatus>();
    // @ts-expect-error: not a verdict
    const verdict: ItemVerdict = "almost";
    void verdict;
  });
});
