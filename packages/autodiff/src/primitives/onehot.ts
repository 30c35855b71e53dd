import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { atom, call } from "../equations/expr.js";
import { AutodiffError } from "../errors.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";

type OnehotParams = { depth: number; dtype: "float64" | "float32" };

export const onehotPrimitive: Primitive<"onehot", OnehotParams> = {
  name: "onehot",
  saves: [],
  shape([indices], { depth, dtype }) {
    if (indices!.dtype !== "int32") {
      throw new AutodiffError("onehot", "dtype", `indices must be int32, got ${indices!.dtype}`);
    }
    return { shape: [...indices!.shape, depth], dtype };
  },
  evaluate([indices], { depth, dtype }) {
    const idx = indices!.toTypedArray();
    const data = new Float64Array(idx.length * depth);
    idx.forEach((k, i) => {
      if (!Number.isInteger(k) || k < 0 || k >= depth) {
        throw new AutodiffError("onehot", "argument", `index ${k} is outside 0..${depth - 1}`);
      }
      data[i * depth + k] = 1;
    });
    return T.tensor(data, { shape: [...indices!.shape, depth] }).astype(dtype);
  },
  // Integer indices have no derivative.
  jvp: () => null,
  vjp: () => [null],
  // Entry by entry: the batch axis is one more leading axis.
  batch: ([x], _batched, params) => bind(onehotPrimitive, [x!], params),
  cost: () => free,
  notation: {
    forward: ([t]) => call("onehot", "\\operatorname{onehot}", t!),
    adjoint: () => atom("0"),
  },
};

/** Rows of the identity picked by integer `indices` (0-based): shape [...indices.shape, depth]. */
export function onehot(indices: T.Tensor, depth: number, dtype?: "float64" | "float32"): T.Tensor;
export function onehot(indices: Value, depth: number, dtype?: "float64" | "float32"): Value;
export function onehot(
  indices: Value,
  depth: number,
  dtype: "float64" | "float32" = "float64",
): Value {
  if (!Number.isInteger(depth) || depth < 1) {
    throw new AutodiffError("onehot", "argument", `depth must be a positive integer, got ${depth}`);
  }
  return bind(onehotPrimitive, [indices], { depth, dtype });
}
