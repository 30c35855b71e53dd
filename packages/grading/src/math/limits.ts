import { PARSE_LIMITS } from "@nnkit/math";

/** Bounds that keep hostile input cheap: every formula is checked against them before any work. */
export const MATH_LIMITS = {
  /** Characters in one formula. */
  maxLength: PARSE_LIMITS.maxLength,
  /** Nesting of brackets and LaTeX groups. */
  maxDepth: PARSE_LIMITS.maxDepth,
  /** Largest integer exponent in a formula (costs are low-degree polynomials). */
  maxExponent: 12,
  /** Entries of a matrix written inside a formula. */
  maxEntries: 10_000,
} as const;
