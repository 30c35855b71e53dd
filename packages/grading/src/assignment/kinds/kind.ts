// What every question kind of the assignment format is: the keys it reads, and a compiler from
// its plain data to the assignment's parts (one part spec may give several, e.g. a cost per mode).
import type { Check } from "../../checkers/check.js";
import type { Part, VariantVariable, Visibility } from "../assignment.js";
import type { NetworkSpec } from "../backprop-spec.js";
import type { SpecPath } from "../spec-error.js";
import type { SpecObject } from "../yaml/schema.js";

/** What a part's compiler may look at besides its own data. */
export interface KindContext {
  /** The question's id, e.g. `q2.3`. */
  readonly question: string;
  /** The assignment's variables (handout values and draws), by name. */
  readonly variables: ReadonlyMap<string, VariantVariable>;
  /** The assignment's named networks (`networks:`), for backprop and graph parts. */
  readonly networks: ReadonlyMap<string, { readonly spec: NetworkSpec; readonly path: SpecPath }>;
  /** The conventions the question accepts, the handout's first. */
  readonly conventions: readonly string[] | undefined;
  /** The question's other part specs, for kinds derived from them (a condition from costs). */
  readonly siblings: readonly SpecObject[];
}

/** The keys every part has, read before its kind's own. */
export interface CommonPart {
  readonly kind: string;
  readonly field: string | undefined;
  readonly label: string | undefined;
  readonly weight: number;
  readonly visibility: Visibility;
}

export interface PartKind {
  /** Keys of this kind, besides the common ones. */
  readonly keys: readonly string[];
  compile(spec: SpecObject, common: CommonPart, context: KindContext): Part[];
  /** The answer template's lines for the parts (field skeletons with comments). */
  template?(spec: SpecObject, parts: readonly Part[], context: KindContext): string[];
}

/** One part from a check, labelled by the spec or its field. */
export function singlePart(common: CommonPart, check: Check, fallbackLabel: string): Part[] {
  return [
    {
      label: common.label ?? common.field ?? fallbackLabel,
      ...(common.field === undefined ? {} : { field: common.field }),
      weight: common.weight,
      visibility: common.visibility,
      check,
    },
  ];
}
