import { asTensor, type Operand } from "./binary.js";
import { TensorError } from "./errors.js";
import { broadcastShapesFor, broadcastStrides, sameShape } from "./shape.js";
import { forEachIndex } from "./strided.js";
import { Tensor } from "./tensor.js";

export interface CloseOptions {
  /** Relative tolerance, scaled by |b| (NumPy's asymmetric rule). Default 1e-5. */
  rtol?: number;
  /** Absolute tolerance. Default 1e-8. */
  atol?: number;
  /** Treat NaN as equal to NaN. Default false. */
  equalNan?: boolean;
}

/** True when every pair (after broadcasting) has |a − b| ≤ atol + rtol·|b|, as NumPy's allclose. */
export function allclose(a: Operand, b: Operand, options: CloseOptions = {}): boolean {
  const { rtol = 1e-5, atol = 1e-8, equalNan = false } = options;
  const x = asTensor(a, "float64");
  const y = asTensor(b, "float64");
  const shape = broadcastShapesFor("allclose", [x.shape, y.shape]);
  const strides = [x, y].map((t) => broadcastStrides(t.shape, t.strides, shape));
  let close = true;
  forEachIndex(shape, strides, [x.offset, y.offset], ([p, q]) => {
    const u = x.data[p!]!;
    const v = y.data[q!]!;
    if (u === v) return;
    if (Number.isNaN(u) || Number.isNaN(v)) {
      close &&= equalNan && Number.isNaN(u) && Number.isNaN(v);
      return;
    }
    // Unequal infinities are never close, whatever the tolerance (NumPy's rule).
    close &&=
      Number.isFinite(u) && Number.isFinite(v) && Math.abs(u - v) <= atol + rtol * Math.abs(v);
  });
  return close;
}

/** True when both tensors have the same shape and equal values (dtypes may differ; NaN ≠ NaN). */
export function equal(a: Tensor, b: Tensor): boolean {
  if (!(a instanceof Tensor) || !(b instanceof Tensor)) {
    throw new TensorError("equal", "argument", "both arguments must be Tensors");
  }
  if (!sameShape(a.shape, b.shape)) return false;
  const x = a.toTypedArray();
  const y = b.toTypedArray();
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
