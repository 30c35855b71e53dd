import { isFloatDType } from "../abstract-value.js";
import { formatShape, shapesEqual } from "../dims.js";
import { AutodiffError } from "../errors.js";
import type { Value } from "../tracer.js";
import { flatten } from "../tree.js";

/** Flattened leaves of each differentiated argument, refusing integer and bool inputs. */
export function differentiableLeaves(op: string, args: readonly unknown[]): Value[] {
  const leaves: Value[] = [];
  args.forEach((arg, k) => {
    for (const leaf of flatten<Value>(op, arg).leaves) {
      if (!isFloatDType(leaf.dtype)) {
        throw new AutodiffError(
          op,
          "dtype",
          `cannot differentiate with respect to argument ${k}: it has dtype ${leaf.dtype}, only float32 and float64 values have derivatives`,
        );
      }
      leaves.push(leaf);
    }
  });
  return leaves;
}

/** Checks that `given` (tangents or cotangents) match `like` leaf by leaf. */
export function checkMatching(
  op: string,
  what: string,
  given: readonly Value[],
  like: readonly Value[],
): void {
  if (given.length !== like.length) {
    throw new AutodiffError(
      op,
      "argument",
      `expected ${like.length} ${what} values, got ${given.length}`,
    );
  }
  given.forEach((g, i) => {
    if (!shapesEqual(g.shape, like[i]!.shape)) {
      throw new AutodiffError(
        op,
        "shape",
        `${what} ${i} has shape ${formatShape(g.shape)} but must have shape ${formatShape(like[i]!.shape)}`,
      );
    }
  });
}

/** Valid `argnums` as a list, with whether the caller asked for a single one. */
export function normalizeArgnums(
  op: string,
  argnums: number | readonly number[],
  count: number,
): number[] {
  const list = typeof argnums === "number" ? [argnums] : [...argnums];
  for (const a of list) {
    if (!Number.isInteger(a) || a < 0 || a >= count) {
      throw new AutodiffError(
        op,
        "argument",
        `argnums ${a} is out of range for ${count} arguments`,
      );
    }
  }
  return list;
}

/** `args` with the entries at `argnums` replaced by `replacements`. */
export function substitute(
  args: readonly unknown[],
  argnums: readonly number[],
  replacements: readonly unknown[],
): unknown[] {
  const out = [...args];
  argnums.forEach((a, i) => {
    out[a] = replacements[i];
  });
  return out;
}
