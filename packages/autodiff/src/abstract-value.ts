import type { DType } from "@nnkit/tensor";
import { type Dim, type SymbolicDim, sym } from "./dims.js";

/** What tracing knows about a value: its shape (possibly symbolic) and dtype, not its numbers. */
export interface AbstractValue {
  readonly shape: readonly Dim[];
  readonly dtype: DType;
}

/** An abstract value; strings in `shape` become symbolic dims (`abstract(["n", 3])`). */
export function abstract(
  shape: readonly (number | string | SymbolicDim)[],
  dtype: DType = "float64",
): AbstractValue {
  return { shape: shape.map((d) => (typeof d === "string" ? sym(d) : d)), dtype };
}

export function isAbstractValue(value: unknown): value is AbstractValue {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { shape?: unknown; dtype?: unknown };
  return Array.isArray(v.shape) && typeof v.dtype === "string";
}

export function isFloatDType(dtype: DType): boolean {
  return dtype === "float64" || dtype === "float32";
}
