import type { Dim } from "./dims.js";
import { AutodiffError } from "./errors.js";

/** `coef × Π dims`: numeric factors are folded into `coef`, so `dims` holds only what is symbolic. */
export interface Monomial {
  readonly coef: number;
  readonly dims: readonly Dim[];
}

/** A sum of monomials: the number of scalar multiplications one primitive application costs. */
export type CostExpr = readonly Monomial[];

/** No multiplications (additions, views, comparisons, and transcendental functions). */
export const free: CostExpr = [];

/** `coef × Π dims` with the numeric dims folded into the coefficient. */
export function monomial(coef: number, dims: readonly Dim[]): Monomial {
  let folded = coef;
  const symbolic: Dim[] = [];
  for (const d of dims) {
    if (typeof d === "number") folded *= d;
    else symbolic.push(d);
  }
  return { coef: folded, dims: symbolic };
}

/** One multiplication per entry of a value with this shape. */
export function perEntry(shape: readonly Dim[]): CostExpr {
  const m = monomial(1, shape);
  return m.coef === 0 ? free : [m];
}

/** The value of a cost expression when every dim is concrete; symbols are looked up in `sizes`. */
export function evaluateCost(cost: CostExpr, sizes: Readonly<Record<string, number>> = {}): number {
  let total = 0;
  for (const m of cost) {
    let term = m.coef;
    for (const d of m.dims) {
      const size = typeof d === "number" ? d : sizes[d.name];
      if (size === undefined) {
        throw new AutodiffError(
          "evaluateCost",
          "symbolic",
          `no size given for symbol ${(d as { name: string }).name}`,
        );
      }
      term *= size;
    }
    total += term;
  }
  return total;
}
