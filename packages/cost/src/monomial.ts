import type { Rational } from "@nnkit/math";
import { CostError } from "./errors.js";

/** Powers of named variables, e.g. n²m as [["m", 1], ["n", 2]]: sorted by name, exponents ≥ 1. */
export type Powers = readonly (readonly [name: string, exponent: number])[];

/** A monomial with its coefficient, e.g. 2n²m. */
export interface Term {
  readonly coef: Rational;
  readonly powers: Powers;
}

const VARIABLE_NAME = /^\p{L}[\p{L}\p{N}_']*$/u;

export function checkVariableName(name: string, op: string): string {
  if (typeof name !== "string" || !VARIABLE_NAME.test(name)) {
    throw new CostError(
      op,
      "variable",
      `${JSON.stringify(name)} is not a variable name (a letter, then letters, digits, _ or ')`,
    );
  }
  return name;
}

/** A canonical key for equal monomials, e.g. "m^1*n^2"; "" for the constant monomial. */
export function powersKey(powers: Powers): string {
  return powers.map(([name, exponent]) => `${name}^${exponent}`).join("*");
}

/**
 * a·b for powers already sorted by name (as a polynomial's terms keep them), in one merge: a
 * polynomial product makes one per pair of terms. Shares a's or b's pairs where it can.
 */
export function multiplySortedPowers(a: Powers, b: Powers): Powers {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const merged: (readonly [string, number])[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x[0] === y[0]) {
      merged.push([x[0], x[1] + y[1]]);
      i++;
      j++;
    } else if (x[0] < y[0]) {
      merged.push(x);
      i++;
    } else {
      merged.push(y);
      j++;
    }
  }
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

export function multiplyPowers(a: Powers, b: Powers): Powers {
  const merged = new Map(a);
  for (const [name, exponent] of b) merged.set(name, (merged.get(name) ?? 0) + exponent);
  return sortPowers([...merged]);
}

/** a / b when every exponent of b is at most a's, otherwise undefined. */
export function dividePowers(a: Powers, b: Powers): Powers | undefined {
  const remaining = new Map(a);
  for (const [name, exponent] of b) {
    const have = remaining.get(name) ?? 0;
    if (have < exponent) return undefined;
    if (have === exponent) remaining.delete(name);
    else remaining.set(name, have - exponent);
  }
  return sortPowers([...remaining]);
}

/** True when b divides a: then a grows at least as fast as b as all sizes grow. */
export function dividesPowers(b: Powers, a: Powers): boolean {
  return dividePowers(a, b) !== undefined;
}

export function degreeOf(powers: Powers): number {
  return powers.reduce((total, [, exponent]) => total + exponent, 0);
}

export function exponentOf(powers: Powers, name: string): number {
  return powers.find(([n]) => n === name)?.[1] ?? 0;
}

/** The common part of several monomials: each variable to its smallest exponent. */
export function gcdPowers(all: readonly Powers[]): Powers {
  if (all.length === 0) return [];
  return all
    .slice(1)
    .reduce<Powers>(
      (common, powers) =>
        common
          .map(([name, exponent]) => [name, Math.min(exponent, exponentOf(powers, name))] as const)
          .filter(([, exponent]) => exponent > 0),
      all[0]!,
    );
}

export function sortPowers(powers: (readonly [string, number])[]): Powers {
  return powers.filter(([, e]) => e > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Print order: total degree descending, then exponents compared variable by variable. */
export function comparePowers(order: readonly string[]) {
  return (a: Powers, b: Powers): number => {
    const byDegree = degreeOf(b) - degreeOf(a);
    if (byDegree !== 0) return byDegree;
    for (const name of order) {
      const diff = exponentOf(b, name) - exponentOf(a, name);
      if (diff !== 0) return diff;
    }
    return 0;
  };
}
