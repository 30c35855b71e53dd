import * as T from "@nnkit/tensor";
import { concreteShape, formatShape, shapesEqual } from "../dims.js";
import { AutodiffError } from "../errors.js";
import { gather } from "../primitives/gather-scatter.js";
import { reshape } from "../primitives/reshape.js";
import type { Value } from "../tracer.js";

/**
 * NumPy's `x[mask]` for a bool mask over x's leading axes: the selected entries (or sub-arrays)
 * in row-major order, shape [number of trues, ...x.shape[mask.rank:]]. The result's size depends
 * on the mask's values, so the mask must be a concrete tensor (as under JAX's jit); the selection
 * is a gather, so the derivative scatters back into the selected places.
 */
export function booleanMask(x: T.Tensor, mask: T.Tensor): T.Tensor;
export function booleanMask(x: Value, mask: T.Tensor): Value;
export function booleanMask(x: Value, mask: T.Tensor): Value {
  if (!(mask instanceof T.Tensor)) {
    throw new AutodiffError(
      "booleanMask",
      "argument",
      "the mask must be a concrete tensor: the number of its true entries sets the result's shape, so it cannot be a traced value",
    );
  }
  if (mask.dtype !== "bool") {
    throw new AutodiffError("booleanMask", "dtype", `mask must be bool, got ${mask.dtype}`);
  }
  if (mask.rank === 0 || !shapesEqual(mask.shape, x.shape.slice(0, mask.rank))) {
    throw new AutodiffError(
      "booleanMask",
      "shape",
      `mask of shape ${formatShape(mask.shape)} does not match the leading axes of ${formatShape(x.shape)}`,
    );
  }
  const rows = concreteShape("booleanMask", mask.shape).reduce((p, d) => p * d, 1);
  return gather(reshape(x, [rows, ...x.shape.slice(mask.rank)]), T.flatnonzero(mask), 0);
}
