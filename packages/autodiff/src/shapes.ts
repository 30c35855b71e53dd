import type { DType } from "@nnkit/tensor";
import { type Dim, dimEquals, formatShape } from "./dims.js";
import { AutodiffError } from "./errors.js";

/** NumPy broadcasting on possibly symbolic shapes; the error names `op` and both shapes. */
export function broadcastShapes(op: string, a: readonly Dim[], b: readonly Dim[]): Dim[] {
  const rank = Math.max(a.length, b.length);
  const out: Dim[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (dimEquals(da, db) || db === 1) out.push(da);
    else if (da === 1) out.push(db);
    else {
      throw new AutodiffError(
        op,
        "shape",
        `shapes ${formatShape(a)} and ${formatShape(b)} cannot be broadcast together`,
      );
    }
  }
  return out;
}

const rankOf: Record<DType, number> = { bool: 0, int32: 1, float32: 2, float64: 3 };

/** The dtype of an elementwise result, bool < int32 < float32 < float64. */
export function promoteTypes(a: DType, b: DType): DType {
  return rankOf[a] >= rankOf[b] ? a : b;
}

/** Results of exp, log, tanh, … are floating point; integers become float64. */
export function floatResult(dtype: DType): DType {
  return dtype === "float32" ? "float32" : "float64";
}

/** Axes as sorted non-negative indices; `undefined` means every axis. */
export function normalizeAxes(
  op: string,
  axis: number | readonly number[] | undefined,
  rank: number,
): number[] {
  if (axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axis === "number" ? [axis] : [...axis];
  const out = list.map((a) => {
    if (!Number.isInteger(a) || a < -rank || a >= rank) {
      throw new AutodiffError(op, "shape", `axis ${a} is out of range for rank ${rank}`);
    }
    return a < 0 ? a + rank : a;
  });
  if (new Set(out).size !== out.length) {
    throw new AutodiffError(op, "shape", `repeated axis in [${list.join(", ")}]`);
  }
  return out.sort((x, y) => x - y);
}
