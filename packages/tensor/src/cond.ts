// Condition numbers, NumPy's `linalg.cond`.
import { TensorError } from "./errors.js";
import { inv } from "./linalg.js";
import { forEachMatrix, matrixStack, squareStack, stackResult } from "./matrix.js";
import { type NormOrder, norm } from "./norm.js";
import { svdvals } from "./svd.js";
import { Tensor } from "./tensor.js";

/**
 * Condition number of a matrix or of each matrix in a stack: by default (p = 2) the ratio of the
 * largest to the smallest singular value, for any shape; p = -2 is its reciprocal; p = "fro", "nuc",
 * ±1, ±Infinity (square matrices only) give ‖A‖·‖A⁻¹‖ in that norm. A singular matrix has condition
 * number Infinity, as in NumPy; for the other orders so has one that `inv` refuses as singular to
 * working precision (where NumPy gives some number beyond 1e16).
 */
export function cond(a: Tensor, p: NormOrder = 2): Tensor {
  const op = "cond";
  if (p === 2 || p === -2) {
    const stack = matrixStack(op, a);
    const s = svdvals(a);
    const k = Math.min(stack.rows, stack.cols);
    const out = stackResult(op, stack, []);
    for (let i = 0; i < out.tensor.size; i++) {
      const [largest, smallest] = [s.data[i * k]!, s.data[i * k + k - 1]!];
      const ratio = p === 2 ? largest / smallest : smallest / largest;
      // 0/0 (a zero matrix) is singular too.
      out.write(i, [Number.isNaN(ratio) ? Number.POSITIVE_INFINITY : ratio]);
    }
    return out.tensor;
  }
  const stack = squareStack(op, a);
  const out = stackResult(op, stack, []);
  forEachMatrix(a, stack, (values, k) => {
    const matrix = new Tensor(values, [stack.rows, stack.cols]);
    let value: number;
    try {
      value = norm(matrix, p, [0, 1]).item() * norm(inv(matrix), p, [0, 1]).item();
    } catch (error) {
      const singular =
        error instanceof TensorError &&
        (error.code === "singular" || error.code === "numerically-singular");
      if (!singular) throw error;
      value = Number.POSITIVE_INFINITY;
    }
    out.write(k, [value]);
  });
  return out.tensor;
}
