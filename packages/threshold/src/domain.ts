import { type Condition, formatCondition, holds, inputs } from "./condition.js";
import { ThresholdError } from "./errors.js";
import { parseCondition } from "./parse-condition.js";

/** A condition the inputs are assumed to meet, e.g. "x1, x2, x3 distinct". */
export interface Assumption {
  readonly name: string;
  /** Called with the current input (do not keep or change the array). */
  holds(input: ArrayLike<number>): boolean;
  /** The same condition as a logical form for `arity` inputs, for the solver (see `decide`). */
  readonly condition?: (arity: number) => Condition;
}

/** Integer inputs: x_j ranges over lo_j..hi_j, optionally only where an assumption holds. */
export interface Domain {
  readonly ranges: readonly (readonly [number, number])[];
  readonly assumption?: Assumption;
  /** Number of inputs in the box, before the assumption filters any out. */
  readonly size: number;
}

/** Any assumption from a name and a test. */
export function assume(name: string, holds: (input: ArrayLike<number>) => boolean): Assumption {
  return { name, holds };
}

function pairwiseDistinct(input: ArrayLike<number>, group: readonly number[]): boolean {
  for (let a = 0; a < group.length; a++) {
    for (let b = a + 1; b < group.length; b++) {
      if (input[group[a]!] === input[group[b]!]) return false;
    }
  }
  return true;
}

function allDistinct(input: ArrayLike<number>): boolean {
  for (let a = 0; a < input.length; a++) {
    for (let b = a + 1; b < input.length; b++) if (input[a] === input[b]) return false;
  }
  return true;
}

/**
 * Values within each group of input indices (0-based) are pairwise distinct; with no groups, all
 * inputs are. E.g. `distinct([0, 1, 2], [3, 4, 5])`: x1, x2, x3 distinct and x4, x5, x6 distinct.
 */
export function distinct(...groups: readonly (readonly number[])[]): Assumption {
  for (const group of groups) {
    if (!group.every((i) => Number.isInteger(i) && i >= 0)) {
      throw new ThresholdError("distinct", "domain", `[${group}] is not a list of input indices`);
    }
  }
  const name =
    groups.length === 0
      ? "all inputs distinct"
      : groups.map((g) => `${g.map((i) => `x${i + 1}`).join(", ")} distinct`).join("; ");
  const groupsDistinct = (input: ArrayLike<number>): boolean => {
    for (const group of groups) if (!pairwiseDistinct(input, group)) return false;
    return true;
  };
  const condition = (arity: number): Condition => {
    const lists = groups.length === 0 ? [Array.from({ length: arity }, (_, i) => i)] : groups;
    const each = lists.map((g): Condition => ({ kind: "distinct", args: inputs(...g) }));
    return each.length === 1 ? each[0]! : { kind: "and", args: each };
  };
  return { name, holds: groups.length === 0 ? allDistinct : groupsDistinct, condition };
}

/** An assumption written as a condition, e.g. `conditionAssumption("distinct(x1, x2, x3)")`. */
export function conditionAssumption(condition: string | Condition, name?: string): Assumption {
  const form = typeof condition === "string" ? parseCondition(condition) : condition;
  return {
    name: name ?? formatCondition(form),
    holds: (x) => holds(form, x),
    condition: () => form,
  };
}

/** Inputs x_j ∈ lo_j..hi_j (inclusive), one range per input. */
export function intRanges(
  ranges: readonly (readonly [number, number])[],
  assumption?: Assumption,
): Domain {
  if (ranges.length === 0) throw new ThresholdError("intRanges", "domain", "no inputs");
  ranges.forEach(([lo, hi], j) => {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo > hi) {
      throw new ThresholdError(
        "intRanges",
        "domain",
        `input x${j + 1}: ${lo}..${hi} is not a range of safe integers`,
      );
    }
  });
  const size = ranges.reduce((n, [lo, hi]) => n * (hi - lo + 1), 1);
  const frozen = ranges.map(([lo, hi]) => [lo, hi] as const);
  return assumption === undefined ? { ranges: frozen, size } : { ranges: frozen, assumption, size };
}

/** `arity` inputs, each ranging over lo..hi, e.g. `intRange(-4, 4, 4, distinct([0, 1, 2]))`. */
export function intRange(lo: number, hi: number, arity: number, assumption?: Assumption): Domain {
  if (!Number.isInteger(arity) || arity < 1) {
    throw new ThresholdError("intRange", "domain", `arity ${arity} is not a positive integer`);
  }
  return intRanges(
    Array.from({ length: arity }, () => [lo, hi] as const),
    assumption,
  );
}
