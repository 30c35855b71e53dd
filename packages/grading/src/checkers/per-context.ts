import { rememberBounded } from "../bounded-memo.js";
import type { CheckContext, Variant } from "./check.js";

/** Contexts remembered per reference computation; with per-student variants, the oldest goes first. */
const CAPACITY = 32;

/** Variants as text; one variant object serves every question of a file, so it is written once. */
const variantKeys = new WeakMap<Variant, string>();

/** The context as a key: its seed, its convention and its variant's numbers, in name order. */
export function contextKey(context: CheckContext): string {
  let variant = variantKeys.get(context.variant);
  if (variant === undefined) {
    const names = Object.keys(context.variant).sort();
    variant = JSON.stringify(names.map((name) => [name, context.variant[name]]));
    variantKeys.set(context.variant, variant);
  }
  return `${context.seed} ${context.convention ?? ""} ${variant}`;
}

/**
 * Wraps a reference computation (accepted counts, seeded instances, reference values), which
 * depends on the check context only, never on the answer, so that grading a class computes it once
 * per (seed, variant) instead of once per file. At most CAPACITY contexts are kept, the oldest
 * first out. A computation that throws is not remembered: the next call throws again.
 */
export function perContext<T>(compute: (context: CheckContext) => T): (context: CheckContext) => T {
  const remembered = new Map<string, T>();
  return (context) => {
    const key = contextKey(context);
    if (remembered.has(key)) return remembered.get(key) as T;
    const value = compute(context);
    rememberBounded(remembered, key, value, CAPACITY);
    return value;
  };
}
