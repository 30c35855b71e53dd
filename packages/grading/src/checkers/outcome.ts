// What a check found, as data: one item per field or equation judged. Feedback text is rendered
// from these items in one place (grade/render-feedback.ts); the terminal app reads the items.

/** How one field or equation was judged. `review` and `manual` wait for a person (they count 0). */
export type ItemVerdict = "correct" | "partial" | "wrong" | "invalid" | "manual" | "review";

/** Offsets into the text of the judged field (the string the student typed), end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * How far a verdict reaches: a proof over a whole domain (`domain: "all integer inputs"`,
 * `assumptions: ["x1, x2, x3 distinct"]`); a direct comparison of one value with the reference
 * (a number, a polynomial, a set of edges, yes or no: there is no input space left unchecked); a
 * person's decision; or what was actually checked: an enumerated box, or sampled points or
 * instances.
 */
export type Scope =
  | Certainty
  | {
      readonly kind: "enumerated";
      readonly box: { readonly lo: number; readonly hi: number };
      readonly count: number;
      readonly assumptions: readonly string[];
    }
  | {
      readonly kind: "sampled";
      readonly count: number;
      readonly of: "points" | "random instances";
    };

/** The scopes a `correct` verdict may rest on: nothing a sample or a box left open. */
export type Certainty =
  | { readonly kind: "proof"; readonly domain: string; readonly assumptions: readonly string[] }
  | { readonly kind: "direct" }
  | { readonly kind: "person" };

/** Scope of a check that compares one value with the reference exactly as the question asks. */
export const DIRECT: Certainty = { kind: "direct" };

export function isCertainty(scope: Scope | undefined): scope is Certainty {
  return scope?.kind === "proof" || scope?.kind === "direct" || scope?.kind === "person";
}

/** One layer's exact values for a counterexample input, as text (exact rationals). */
export interface TraceLayer {
  /** The layer's name in the answer, if it has one ("hidden", "output"). */
  readonly name?: string;
  readonly preActivation: readonly string[];
  readonly activation: readonly string[];
}

/**
 * A concrete input where the answer is wrong: a network's input with both outputs and every
 * layer's values; a point of the sizes where a condition disagrees; or the random instance where
 * a formula first differs.
 */
export type Counterexample =
  | {
      readonly kind: "input";
      readonly input: readonly string[];
      readonly expected: readonly string[];
      readonly actual: readonly string[];
      readonly trace?: readonly TraceLayer[];
    }
  | {
      readonly kind: "point";
      readonly point: readonly (readonly [string, number])[];
      /** Whether the reference condition holds there, and whether the student's does. */
      readonly expected: boolean;
      readonly actual: boolean;
      /** Named costs at the point, exact ("forward mode", "147"). */
      readonly costs?: readonly (readonly [string, string])[];
    }
  | { readonly kind: "instance"; readonly index: number; readonly count: number };

/** How two tensors differ (an equation's or formula's value against the reference). */
export type Difference =
  | {
      readonly kind: "shape";
      readonly actual: readonly number[];
      readonly expected: readonly number[];
    }
  | { readonly kind: "sign" }
  | { readonly kind: "factor"; readonly factor: number }
  | { readonly kind: "values" };

/** Where an answer's shape or count matches something other than the question's reference. */
export type Hint =
  /** The count is the exact count of another evaluation order: "(v(vᵀy1))y2ᵀ", not "reverse mode". */
  | { readonly kind: "other-order"; readonly order: string; readonly asked: string }
  /** The memory count is the question's convention without some values: "the inputs v, y". */
  | { readonly kind: "memory-convention"; readonly leavesOut: string }
  /** A weight does not fit where it is used; `likely` names the probable slip. */
  | { readonly kind: "shape-slip"; readonly likely: string }
  /**
   * On every instance checked the value is the reference times `factor`, an expression of that
   * instance's values (`y'_t²`), or elementwise (⊙) a variable (`1/(1 − g1)`).
   */
  | { readonly kind: "named-factor"; readonly factor: string; readonly elementwise: boolean };

/** What was found about one item; the renderer turns it into a sentence. */
export type Finding =
  /** `accepted`: the alternative matched (a convention); `growth`: the big-O class given. */
  | { readonly kind: "correct"; readonly accepted?: string; readonly growth?: string }
  | { readonly kind: "unreadable"; readonly message: string; readonly input?: string }
  | { readonly kind: "no-answer"; readonly field?: string }
  | { readonly kind: "internal-error"; readonly message: string }
  /** The details are not shown to this audience (a hidden check, or before the due date). */
  | { readonly kind: "withheld"; readonly verdict: string; readonly until?: string }
  | { readonly kind: "manual"; readonly words: number }
  /** A person's score merged in later, with their comment ("" for none). */
  | { readonly kind: "scored-by-person"; readonly comment: string }
  | { readonly kind: "undecided"; readonly reason: string }
  /**
   * The answer agreed with the reference on everything its scope says was checked (sampled
   * instances, an enumerated box), without a proof: a person decides. `note` says why no proof was
   * made ("the term budget was exceeded").
   */
  | { readonly kind: "agrees"; readonly note?: string }
  | {
      readonly kind: "wrong-shape";
      readonly expected: readonly number[];
      readonly found: readonly number[];
    }
  | {
      readonly kind: "entries-differ";
      readonly count: number;
      readonly total: number;
      /** The first few wrong entries, 1-based: [entry] of a vector, [row, column] of a matrix. */
      readonly positions: readonly (readonly number[])[];
    }
  | { readonly kind: "growth-wrong"; readonly growth: string; readonly count?: string }
  | { readonly kind: "growth-only"; readonly growth: string }
  | { readonly kind: "constants-wrong"; readonly growth: string }
  /** An exact count that is another order's or convention's, named by the item's hint. */
  | { readonly kind: "other-count"; readonly count: string }
  | { readonly kind: "condition-disagrees"; readonly meaning: string }
  | {
      readonly kind: "edges";
      readonly missing: readonly string[];
      readonly extra: readonly string[];
    }
  | { readonly kind: "not-evaluable"; readonly message: string }
  | { readonly kind: "differs"; readonly difference: Difference }
  | { readonly kind: "chain-incomplete" }
  | { readonly kind: "network-refused"; readonly reason: string }
  | { readonly kind: "network-wrong" }
  | { readonly kind: "not-a-line" }
  | { readonly kind: "other-solutions" }
  | { readonly kind: "yes-no-wrong"; readonly given: boolean; readonly explanation: string };

/** The fields every judged item has, whatever its verdict. */
interface ItemFields {
  /**
   * What was judged, relative to the check's value: "" for the whole value, or a sub-key such as
   * "J_bar". In a question's result the part's field is prefixed ("reverse.memory", "network").
   */
  readonly key: string;
  /** This item's share of its check's credit; the shares of one check's items sum to 1. */
  readonly share: number;
  /** The fraction of its share earned, 0..1. */
  readonly earned: number;
  readonly finding: Finding;
  readonly position?: Span;
  readonly counterexample?: Counterexample;
  readonly hint?: Hint;
  /** `chain`: the key's value computed from the student's own equations, not the equation alone. */
  readonly aspect?: "chain";
}

/**
 * One judged field or equation. Only a `correct` item must say what makes it sure (a proof, a
 * direct comparison, a person): an agreement found by sampling or enumerating is `review`.
 */
export type OutcomeItem =
  | (ItemFields & { readonly verdict: "correct"; readonly scope: Certainty })
  | (ItemFields & { readonly verdict: Exclude<ItemVerdict, "correct">; readonly scope?: Scope });

/** How one check judged one answer. `fraction` is the share of the check's weight earned. */
export type CheckOutcome =
  | {
      readonly status: "graded";
      readonly fraction: number;
      readonly items: readonly OutcomeItem[];
    }
  | { readonly status: "invalid"; readonly items: readonly OutcomeItem[] }
  | { readonly status: "manual"; readonly items: readonly OutcomeItem[] }
  /** Some item waits for a person; `fraction` is what the decided items earned meanwhile. */
  | {
      readonly status: "review";
      readonly fraction: number;
      readonly items: readonly OutcomeItem[];
    };

type ItemExtra = Partial<Omit<ItemFields, "earned" | "finding">> & { readonly scope?: Scope };

/**
 * An item of a whole-value check with its verdict and credit derived from `earned`. Full credit
 * is `correct` only with a certain scope (a proof, a direct comparison); otherwise the agreement
 * goes to a person: verdict `review`, earning 0, with the scope saying what was checked.
 */
export function item(earned: number, finding: Finding, extra: ItemExtra = {}): OutcomeItem {
  const clamped = Math.min(1, Math.max(0, earned));
  const { scope, ...rest } = extra;
  if (clamped >= 1) {
    if (isCertainty(scope))
      return { key: "", share: 1, ...rest, verdict: "correct", earned: 1, finding, scope };
    const agrees: Finding = finding.kind === "correct" ? { kind: "agrees" } : finding;
    return { key: "", share: 1, ...extra, verdict: "review", earned: 0, finding: agrees };
  }
  const verdict = clamped > 0 ? "partial" : "wrong";
  return { key: "", share: 1, ...extra, verdict, earned: clamped, finding };
}

/**
 * The outcome of a check's items: `review` when one of them waits for a person (the others keep
 * their credit, counted with the question's), otherwise `graded`.
 */
export function outcomeOf(items: readonly OutcomeItem[]): CheckOutcome {
  const fraction = items.reduce((sum, i) => sum + i.share * i.earned, 0);
  return items.some((i) => i.verdict === "review")
    ? { status: "review", fraction, items }
    : { status: "graded", fraction, items };
}

/** A graded outcome of one whole-value item (`review` when the agreement is not proved). */
export function graded(earned: number, finding: Finding, extra: ItemExtra = {}): CheckOutcome {
  return outcomeOf([item(earned, finding, extra)]);
}

/** An outcome for an answer that cannot be read; `position` locates the problem in the text. */
export function invalid(
  message: string,
  extra: { readonly key?: string; readonly position?: Span; readonly input?: string } = {},
): CheckOutcome {
  const { key = "", position, input } = extra;
  const finding: Finding =
    input === undefined ? { kind: "unreadable", message } : { kind: "unreadable", message, input };
  return {
    status: "invalid",
    items: [
      {
        key,
        verdict: "invalid",
        share: 1,
        earned: 0,
        finding,
        ...(position ? { position } : {}),
      },
    ],
  };
}

/** An outcome no machine decided: it goes to a person and counts 0 until one scores it. */
export function review(
  reason: string,
  extra: { readonly scope?: Scope; readonly key?: string } = {},
): CheckOutcome {
  const { key = "", scope } = extra;
  return {
    status: "review",
    fraction: 0,
    items: [
      {
        key,
        verdict: "review",
        share: 1,
        earned: 0,
        finding: { kind: "undecided", reason },
        ...(scope ? { scope } : {}),
      },
    ],
  };
}
