/** Bounds on an answer file, checked before and while it is read. */
export const FILE_LIMITS = {
  /** Characters in the whole file (a homework answer is a few kilobytes). */
  maxCharacters: 256 * 1024,
  /** YAML alias expansions (yaml's maxAliasCount), against "billion laughs" files. */
  maxAliasCount: 100,
  /** Values (mappings, lists, scalars) after aliases are expanded. */
  maxValues: 50_000,
  /** Nesting of mappings and lists. */
  maxDepth: 32,
  /** Entries of one numeric answer (vector or matrix). */
  maxEntries: 10_000,
} as const;
