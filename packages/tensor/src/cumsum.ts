// Running sums along one axis, NumPy's `cumsum`. The tensor is read as [outer, n, inner] blocks
// (row-major after a contiguous copy), so each of the outer·inner lines is summed in one pass.
import { arithmeticResult } from "./dtype.js";
import { TensorError } from "./errors.js";
import { normalizeAxis } from "./shape.js";
import { allocateTensor, Tensor } from "./tensor.js";
import { reshape } from "./views.js";

/**
 * out[..., i, ...] = Σ_{j ≤ i} t[..., j, ...] along `axis`; without an axis, of the flattened
 * tensor (as NumPy). bool counts as int32; int32 wraps like 32-bit integers.
 */
export function cumsum(t: Tensor, axis?: number): Tensor {
  const op = "cumsum";
  if (!(t instanceof Tensor)) {
    throw new TensorError(op, "argument", `expected a Tensor, got ${typeof t}`);
  }
  const x = axis === undefined ? reshape(t, [-1]) : t;
  const at = normalizeAxis(op, axis ?? 0, x.rank, x.shape);
  const n = x.shape[at]!;
  const inner = x.shape.slice(at + 1).reduce((p, d) => p * d, 1);
  const outer = x.shape.slice(0, at).reduce((p, d) => p * d, 1);
  const dtype = arithmeticResult(t.dtype);
  const out = allocateTensor(op, dtype, x.shape);
  // A contiguous view may still start at an offset into its storage.
  const contiguous = x.contiguous();
  const src = contiguous.data;
  const start = contiguous.offset;
  const dst = out.data;
  const wrap = dtype === "int32";
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      let acc = 0;
      for (let i = 0, p = o * n * inner + k; i < n; i++, p += inner) {
        acc = wrap ? (acc + src[start + p]!) | 0 : acc + src[start + p]!;
        dst[p] = acc;
      }
    }
  }
  return out;
}
