// Vector and matrix norms with NumPy's `linalg.norm` conventions.

import { mul, pow } from "./arithmetic.js";
import { ne } from "./compare.js";
import { floatResult, isFloat } from "./dtype.js";
import { formatShape, TensorError } from "./errors.js";
import { max, min, sum } from "./reduce.js";
import { normalizeAxes } from "./shape.js";
import { svdvals } from "./svd.js";
import { Tensor } from "./tensor.js";
import { abs, sqrt } from "./unary.js";
import { permute, reshape, squeeze } from "./views.js";

/**
 * Vector orders: any p (2 by default, ±Infinity, 0 counts nonzeros); matrix orders: "fro" (default),
 * "nuc" (sum of singular values), 2 and -2 (largest and smallest singular value), ±1, ±Infinity.
 */
export type NormOrder = number | "fro" | "nuc";

function vectorNorm(x: Tensor, ord: number, axis: number, keepdims: boolean): Tensor {
  if (ord === 2) return sqrt(sum(mul(x, x), axis, keepdims));
  if (ord === Number.POSITIVE_INFINITY) return max(abs(x), axis, keepdims);
  if (ord === Number.NEGATIVE_INFINITY) return min(abs(x), axis, keepdims);
  if (ord === 0) return sum(ne(x, 0), axis, keepdims).astype(x.dtype);
  if (ord === 1) return sum(abs(x), axis, keepdims);
  return pow(sum(pow(abs(x), ord), axis, keepdims), 1 / ord);
}

/** ord 2, -2 or "nuc" over axes (rows, cols), keeping both as length-1 axes. */
function singularValueNorm(x: Tensor, ord: 2 | -2 | "nuc", rows: number, cols: number): Tensor {
  const others = x.shape.map((_, i) => i).filter((i) => i !== rows && i !== cols);
  const s = svdvals(permute(x, [...others, rows, cols]));
  const reduced = ord === 2 ? max(s, -1) : ord === -2 ? min(s, -1) : sum(s, -1);
  return reshape(
    reduced,
    x.shape.map((d, i) => (i === rows || i === cols ? 1 : d)),
  );
}

function matrixNorm(x: Tensor, ord: NormOrder, axes: [number, number], keepdims: boolean): Tensor {
  const [rows, cols] = axes;
  // Both reductions keep their axes so the axis numbers stay valid; squeeze at the end.
  let kept: Tensor;
  switch (ord) {
    case "fro":
      kept = sqrt(sum(mul(x, x), axes, true));
      break;
    case 1:
      kept = max(sum(abs(x), rows, true), cols, true);
      break;
    case -1:
      kept = min(sum(abs(x), rows, true), cols, true);
      break;
    case Number.POSITIVE_INFINITY:
      kept = max(sum(abs(x), cols, true), rows, true);
      break;
    case Number.NEGATIVE_INFINITY:
      kept = min(sum(abs(x), cols, true), rows, true);
      break;
    case 2:
    case -2:
    case "nuc":
      kept = singularValueNorm(x, ord, rows, cols);
      break;
    default:
      throw new TensorError(
        "norm",
        "argument",
        `matrix norm order ${String(ord)} is not supported (use "fro", "nuc", 2, -2, 1, -1, Infinity or -Infinity)`,
      );
  }
  return keepdims ? kept : squeeze(kept, axes);
}

/**
 * Norm of a vector or matrix (NumPy `linalg.norm`). Without `axis` and `ord` it is the 2-norm of
 * all elements; `axis` as a number gives vector norms, as a pair gives matrix norms.
 */
export function norm(
  t: Tensor,
  ord?: NormOrder,
  axis?: number | readonly [number, number],
  keepdims = false,
): Tensor {
  const op = "norm";
  if (!(t instanceof Tensor)) throw new TensorError(op, "argument", "expected a Tensor");
  const x = isFloat(t.dtype) ? t : t.astype(floatResult(t.dtype));
  if (axis === undefined && ord === undefined) {
    const flat = sqrt(sum(mul(x, x)));
    return keepdims
      ? reshape(
          flat,
          t.shape.map(() => 1),
        )
      : flat;
  }
  const axes = axis === undefined ? t.shape.map((_, i) => i) : normalizeAxes(op, axis, t.shape);
  // Matrix norms care about which axis is rows: keep the caller's order.
  const ordered = typeof axis === "object" ? axis.map((a) => (a < 0 ? a + t.rank : a)) : axes;
  if (axes.length === 1) {
    if (typeof ord === "string") {
      throw new TensorError(op, "argument", `order "${ord}" needs a matrix, got axis ${axes[0]}`);
    }
    return vectorNorm(x, ord ?? 2, axes[0]!, keepdims);
  }
  if (axes.length === 2) {
    return matrixNorm(x, ord ?? "fro", [ordered[0]!, ordered[1]!], keepdims);
  }
  throw new TensorError(
    op,
    "axis",
    `needs one axis (vector) or two (matrix), shape ${formatShape(t.shape)} gives ${axes.length}`,
  );
}
