import type { Rational } from "@nnkit/math";
import type { FormatOptions } from "./format.js";
import { type Point, Polynomial } from "./polynomial.js";
import { Region } from "./region.js";

/**
 * The largest of several polynomials, pointwise, such as peak memory when different steps peak
 * at different sizes. Candidates provably below another one (for all positive sizes) are
 * dropped, so one candidate left means the maximum is that polynomial.
 */
export class MaxOf {
  readonly candidates: readonly Polynomial[];

  constructor(candidates: readonly Polynomial[], region: Region = Region.ALL) {
    const kept: Polynomial[] = [];
    for (const candidate of candidates) {
      if (kept.some((k) => region.provesNonNegative(k.sub(candidate)))) continue;
      const survivors = kept.filter((k) => !region.provesNonNegative(candidate.sub(k)));
      kept.length = 0;
      kept.push(...survivors, candidate);
    }
    this.candidates = kept.length > 0 ? kept : [Polynomial.ZERO];
  }

  /** The maximum as one polynomial, when one candidate dominates the others. */
  polynomial(): Polynomial | undefined {
    return this.candidates.length === 1 ? this.candidates[0] : undefined;
  }

  evaluate(point: Point): Rational {
    return this.candidates
      .map((c) => c.evaluate(point))
      .reduce((best, value) => (value.compare(best) > 0 ? value : best));
  }

  toString(options?: FormatOptions): string {
    const parts = this.candidates.map((c) => c.toString(options));
    return parts.length === 1 ? parts[0]! : `max(${parts.join(", ")})`;
  }

  toLatex(options?: FormatOptions): string {
    const parts = this.candidates.map((c) => c.toLatex(options));
    return parts.length === 1 ? parts[0]! : `\\max\\left(${parts.join(", ")}\\right)`;
  }
}
