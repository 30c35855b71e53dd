import { ThresholdError } from "./errors.js";
import type { Target } from "./target.js";

/** One labelled example: an input and whether the function is true there. */
export interface Sample {
  readonly input: readonly number[];
  readonly label: 0 | 1;
}

const MAX_ARITY = 16;

/** A predicate given as a Target or a plain function of the bits. */
export type BooleanFunction = Target | ((bits: ArrayLike<number>) => boolean);

/**
 * Every input in {0, 1}^arity, counting in binary with x1 most significant (00, 01, 10, 11),
 * labelled by the predicate.
 */
export function truthTable(fn: BooleanFunction, arity: number, operation = "truthTable"): Sample[] {
  if (!Number.isInteger(arity) || arity < 1 || arity > MAX_ARITY) {
    throw new ThresholdError(operation, "argument", `arity ${arity} is not in 1..${MAX_ARITY}`);
  }
  if (typeof fn !== "function" && fn.kind !== "predicate") {
    throw new ThresholdError(operation, "argument", `${fn.name} is not a predicate`);
  }
  const test = typeof fn === "function" ? fn : fn.test;
  return Array.from({ length: 2 ** arity }, (_, index) => {
    const input = Array.from({ length: arity }, (_, j) => (index >> (arity - 1 - j)) & 1);
    return { input, label: test(input) ? 1 : 0 };
  });
}
