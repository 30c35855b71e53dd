/** Bounds that keep hostile input cheap: checked before (length) and while (depth) parsing. */
export const PARSE_LIMITS = {
  /** Characters in one formula. */
  maxLength: 2000,
  /** Nesting of brackets and LaTeX groups. */
  maxDepth: 40,
  /** Nesting of operators (`- - - n`, `2^2^2^…`), which recurse like brackets do. */
  maxOperatorDepth: 400,
} as const;
