import type { Activation } from "./activation.js";
import { type Assumption, conditionAssumption, type Domain, intRange } from "./domain.js";
import type { Network } from "./network.js";
import { type ActivationSpec, formatActivation, parseActivation } from "./spec.js";
import { conditionTarget, type Target } from "./target.js";

/** What a question asks of any answer network: verified, enumerated or decided. */
export interface Question {
  readonly target: Target;
  readonly arity: number;
  /** What the question lets answers assume about the inputs. */
  readonly assumption?: Assumption;
  /**
   * The activations an answer may use (undefined: any). Each entry is a spec matched exactly
   * ("indicator[-1,1]") or a bare kind matching every activation of that kind ("step",
   * "indicator", "equals", "sign", "identity", "relu").
   */
  readonly allowedActivations?: readonly string[];
  /** The question's domain on lo..hi per input (default −4..4), with its assumption. */
  domain(lo?: number, hi?: number): Domain;
}

export interface QuestionSpec {
  /** A target, or a condition in {@link parseCondition}'s syntax. */
  readonly target: Target | string;
  readonly arity: number;
  readonly assumption?: Assumption | string;
  readonly allowedActivations?: readonly string[];
}

const KINDS = new Set(["step", "indicator", "equals", "sign", "identity", "relu"]);

/** An activation kind, which allows every activation of that kind. */
type ActivationKind = "step" | "indicator" | "equals" | "sign" | "identity" | "relu";
type CheckedAllowed<A> = {
  readonly [K in keyof A]: A[K] extends ActivationKind
    ? A[K]
    : A[K] extends string
      ? ActivationSpec<A[K]>
      : A[K];
};

/**
 * A question spec whose literal `allowedActivations` are checked at compile time (kinds or specs,
 * as {@link ActivationSpec}); lists held in `string[]`s are checked at run time.
 */
export type CheckedQuestion<S> = S extends { readonly allowedActivations: infer A }
  ? [A] extends [CheckedAllowed<A>]
    ? S
    : Omit<S, "allowedActivations"> & { readonly allowedActivations: CheckedAllowed<A> }
  : S;

/** A question from its parts; conditions may be given as text, e.g. `"x4 in {x1, x2, x3}"`. */
export function question<const S extends QuestionSpec>(spec: S & CheckedQuestion<S>): Question {
  const target = typeof spec.target === "string" ? conditionTarget(spec.target) : spec.target;
  const assumption =
    typeof spec.assumption === "string" ? conditionAssumption(spec.assumption) : spec.assumption;
  for (const allowed of spec.allowedActivations ?? []) {
    if (!KINDS.has(allowed)) parseActivation(allowed as string, "question: allowedActivations");
  }
  const domain = (lo = -4, hi = 4) => intRange(lo, hi, spec.arity, assumption);
  return {
    target,
    arity: spec.arity,
    ...(assumption === undefined ? {} : { assumption }),
    ...(spec.allowedActivations === undefined
      ? {}
      : { allowedActivations: [...spec.allowedActivations] }),
    domain,
  };
}

/** A unit whose activation the question does not allow (layers and units counted from 1). */
export interface DisallowedActivation {
  readonly layer: number;
  readonly unit: number;
  readonly activation: string;
  readonly allowed: readonly string[];
}

function matches(activation: Activation, allowed: string): boolean {
  if (KINDS.has(allowed)) return activation.kind === allowed;
  return formatActivation(parseActivation(allowed)) === formatActivation(activation);
}

/** The first unit using an activation the question does not allow, or undefined. */
export function disallowedActivation(
  net: Network,
  allowed: readonly string[] | undefined,
): DisallowedActivation | undefined {
  if (allowed === undefined) return undefined;
  for (const [l, layer] of net.layers.entries()) {
    for (const [u, activation] of layer.activations.entries()) {
      if (!allowed.some((a) => matches(activation, a))) {
        return { layer: l + 1, unit: u + 1, activation: formatActivation(activation), allowed };
      }
    }
  }
  return undefined;
}
