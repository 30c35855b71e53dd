import { asTensor, computeDType, type Operand } from "./binary.js";
import { TensorError } from "./errors.js";
import { broadcastShapesFor, broadcastStrides } from "./shape.js";
import { forEachRow, rowLayout } from "./strided.js";
import { allocateTensor, Tensor } from "./tensor.js";

/** Picks `a` where `cond` is nonzero and `b` elsewhere, broadcasting all three (NumPy `where`). */
export function where(cond: Tensor, a: Operand, b: Operand): Tensor {
  const op = "where";
  if (!(cond instanceof Tensor)) {
    throw new TensorError(op, "argument", `condition must be a Tensor, got ${typeof cond}`);
  }
  const dtype = computeDType(op, a, b);
  const x = asTensor(a, dtype);
  const y = asTensor(b, dtype);
  const shape = broadcastShapesFor(op, [cond.shape, x.shape, y.shape]);
  const out = allocateTensor(op, dtype, shape);
  const strides = [cond, x, y].map((t) => broadcastStrides(t.shape, t.strides, shape));
  const [cs, xs, ys] = strides.map((s) => rowLayout(shape, s).stride) as [number, number, number];
  const { length } = rowLayout(shape, strides[0]!);
  const o = out.data;
  let k = 0;
  forEachRow(shape, strides, [cond.offset, x.offset, y.offset], ([c, p, q]) => {
    for (let j = 0; j < length; j++) {
      o[k++] = cond.data[c! + j * cs] !== 0 ? x.data[p! + j * xs]! : y.data[q! + j * ys]!;
    }
  });
  return out;
}
