import type { VariantVariable } from "../assignment/assignment.js";

/**
 * The numbers homework 1 gives (not answers): 2.2.1's v and x, 2.3's v and y, 3.3.1's data point.
 * With per-student variants, v, x and y are drawn instead (small positive integers).
 */
export const HANDOUT_VARIABLES: readonly VariantVariable[] = [
  { name: "q2.2.1 v", handout: [4, 2, 3], draw: (r) => [...r.integers([3], 1, 6).toTypedArray()] },
  { name: "q2.2.1 x", handout: [1, 2, 3], draw: (r) => [...r.integers([3], 1, 6).toTypedArray()] },
  { name: "q2.3 v", handout: [1, 2, 3], draw: (r) => [...r.integers([3], 1, 6).toTypedArray()] },
  { name: "q2.3 y", handout: [1, 1, 1], draw: (r) => [...r.integers([3], 1, 4).toTypedArray()] },
];

/** 3.3.1: one data point x1 = [1, 1] with target t1 = 3 (n = 1, d = 2). */
export const LINE_DATA = { x: [1, 1], t: 3 } as const;

/** The handout's φ(z) = 1 if z ∈ [−1, 1], else 0, in @nnkit/threshold's spec syntax. */
export const PHI = "indicator[-1,1]";
