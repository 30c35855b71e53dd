// Cost rules are data: a primitive states how many scalar multiplications one application takes,
// as counts per entry of shapes. Adding, simplifying and comparing costs is @nnkit/cost's algebra
// (`graphCost`); this package only states the rules, so it needs no polynomial type of its own.
import type { Dim } from "./dims.js";

/** `coef × Π dims` scalar multiplications: `coef` per entry of a value of shape `dims`. */
export interface CostTerm {
  readonly coef: number;
  readonly dims: readonly Dim[];
}

/** What one primitive application costs: the sum of its terms (no term means free). */
export type CostRule = readonly CostTerm[];

/** No multiplications (additions, views, comparisons, and transcendental functions). */
export const free: CostRule = [];

/** One multiplication per entry of a value with this shape. */
export function perEntry(shape: readonly Dim[]): CostRule {
  return [{ coef: 1, dims: shape }];
}
