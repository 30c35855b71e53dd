import {
  type Condition,
  conditionArity,
  formatCondition,
  holds,
  input,
  inputs,
  MAX_PERMUTATION_LENGTH,
} from "./condition.js";
import { parseCondition } from "./parse-condition.js";

/**
 * What a network should compute. A predicate wants one output that is 1 exactly when it holds; a
 * function wants a vector (e.g. the sorted inputs). `test`/`compute` receive the current input
 * (do not keep or change it) and must be pure.
 */
export type Target =
  | {
      readonly kind: "predicate";
      readonly name: string;
      /** Why a number of inputs does not fit, or undefined when it does. */
      readonly checkArity?: (arity: number) => string | undefined;
      readonly test: (input: ArrayLike<number>) => boolean;
      /**
       * The same predicate as a logical form for `arity` inputs, which a solver can read
       * (undefined when there is none for that arity); `decide` needs it to prove anything.
       */
      readonly condition?: (arity: number) => Condition | undefined;
    }
  | {
      readonly kind: "function";
      readonly name: string;
      readonly outputs: (arity: number) => number;
      /** Writes the expected outputs into `out`. */
      readonly compute: (input: ArrayLike<number>, out: Float64Array) => void;
    };

/** A custom predicate target. */
export function predicate(
  name: string,
  test: (input: ArrayLike<number>) => boolean,
  checkArity?: (arity: number) => string | undefined,
  condition?: (arity: number) => Condition | undefined,
): Target {
  return {
    kind: "predicate",
    name,
    test,
    ...(checkArity === undefined ? {} : { checkArity }),
    ...(condition === undefined ? {} : { condition }),
  };
}

/**
 * A predicate target written as a condition, e.g. `conditionTarget("x4 in {x1, x2, x3}")` or
 * `conditionTarget("permutation(x4, x5, x6 of x1, x2, x3)")`: it is both the enumerator's test
 * and the solver's formula. `name` defaults to the condition's text.
 */
export function conditionTarget(condition: string | Condition, name?: string): Target {
  const form = typeof condition === "string" ? parseCondition(condition) : condition;
  const needs = conditionArity(form);
  return {
    kind: "predicate",
    name: name ?? formatCondition(form),
    test: (x) => holds(form, x),
    checkArity: (arity) => (arity >= needs ? undefined : `reads x${needs}`),
    condition: () => form,
  };
}

/** A custom vector target with `outputs(arity)` outputs. */
export function vectorTarget(
  name: string,
  outputs: (arity: number) => number,
  compute: (input: ArrayLike<number>, out: Float64Array) => void,
): Target {
  return { kind: "function", name, outputs, compute };
}

function countNonzero(input: ArrayLike<number>): number {
  let count = 0;
  for (let i = 0; i < input.length; i++) if (input[i] !== 0) count++;
  return count;
}

/** x_n ∈ {x_1, …, x_{n−1}}: is the last input in the list before it? */
export const memberOf: Target = predicate(
  "memberOf",
  (input) => {
    const last = input[input.length - 1];
    for (let i = 0; i < input.length - 1; i++) if (input[i] === last) return true;
    return false;
  },
  (arity) => (arity >= 2 ? undefined : "needs a list and an element (at least 2 inputs)"),
  (arity) => ({
    kind: "member",
    element: input(arity - 1),
    list: Array.from({ length: arity - 1 }, (_, i) => input(i)),
  }),
);

/** The second half is a permutation of the first (equal multisets). */
export const isPermutation: Target = predicate(
  "isPermutation",
  (input) => {
    const half = input.length / 2;
    let used = 0; // bit mask of first-half positions already matched
    for (let j = half; j < input.length; j++) {
      const value = input[j];
      let i = 0;
      while (i < half && (input[i] !== value || (used >> i) & 1)) i++;
      if (i === half) return false;
      used |= 1 << i;
    }
    return true;
  },
  (arity) =>
    arity >= 2 && arity % 2 === 0 && arity <= 60 ? undefined : "needs two lists of equal length",
  (arity) => {
    const half = arity / 2;
    if (half > MAX_PERMUTATION_LENGTH) return undefined;
    const first = Array.from({ length: half }, (_, i) => i);
    return {
      kind: "permutation",
      items: inputs(...first.map((i) => i + half)),
      of: inputs(...first),
    };
  },
);

/** x_1 ≤ x_2 ≤ … ≤ x_n. */
export const isSorted: Target = predicate("isSorted", (input) => {
  for (let i = 1; i < input.length; i++) if (input[i - 1]! > input[i]!) return false;
  return true;
});

/** Every input nonzero (true). */
export const and: Target = predicate("and", (input) => countNonzero(input) === input.length);

/** Some input nonzero. */
export const or: Target = predicate("or", (input) => countNonzero(input) > 0);

/** An odd number of inputs nonzero. */
export const xor: Target = predicate("xor", (input) => countNonzero(input) % 2 === 1);

/** More than half of the inputs nonzero. */
export const majority: Target = predicate(
  "majority",
  (input) => 2 * countNonzero(input) > input.length,
);

/** All inputs equal. */
export const allEqual: Target = predicate("allEqual", (input) => {
  for (let i = 1; i < input.length; i++) if (input[i] !== input[0]) return false;
  return true;
});

/** The inputs in ascending order (sorting). */
export const sortedAscending: Target = vectorTarget(
  "sortedAscending",
  (arity) => arity,
  (input, out) => {
    for (let i = 0; i < input.length; i++) out[i] = input[i]!;
    out.sort();
  },
);
