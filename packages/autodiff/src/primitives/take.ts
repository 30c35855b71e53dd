import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { concreteShape, formatShape, shapesEqual } from "../dims.js";
import { atom, hadamard } from "../equations/expr.js";
import { AutodiffError } from "../errors.js";
import { NO_PARAMS } from "../graph.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { mul } from "./mul.js";
import { onehot } from "./onehot.js";
import { reshape } from "./reshape.js";
import { withBatch } from "./sum-broadcast.js";

/**
 * Picks one entry along the last axis for each index: x of shape [..., N] and int32 indices of
 * shape [...] give shape [...]. For a vector y' and a label t it is y'_t.
 */
export const takePrimitive: Primitive<"take"> = {
  name: "take",
  saves: [1],
  shape([x, indices]) {
    if (indices!.dtype !== "int32") {
      throw new AutodiffError("take", "dtype", `indices must be int32, got ${indices!.dtype}`);
    }
    if (x!.shape.length === 0 || !shapesEqual(x!.shape.slice(0, -1), indices!.shape)) {
      throw new AutodiffError(
        "take",
        "shape",
        `indices of shape ${formatShape(indices!.shape)} do not match values of shape ${formatShape(x!.shape)} (expected the values' shape without its last axis)`,
      );
    }
    return { shape: indices!.shape, dtype: x!.dtype };
  },
  evaluate([x, indices]) {
    const depth = concreteShape("take", x!.shape).at(-1)!;
    const values = x!.toTypedArray();
    const idx = indices!.toTypedArray();
    const picked = new Float64Array(idx.length);
    idx.forEach((k, i) => {
      if (!Number.isInteger(k) || k < 0 || k >= depth) {
        throw new AutodiffError("take", "argument", `index ${k} is outside 0..${depth - 1}`);
      }
      picked[i] = values[i * depth + k]!;
    });
    return T.tensor(picked, { shape: [...indices!.shape], dtype: x!.dtype });
  },
  jvp: ([_x, indices], [t]) => take(t!, indices!),
  vjp(ct, [x, indices]) {
    const depth = x!.shape.at(-1)!;
    if (typeof depth !== "number") {
      throw new AutodiffError("take", "symbolic", "the adjoint of take needs a concrete last axis");
    }
    const dtype = ct.dtype === "float32" ? "float32" : "float64";
    return [mul(onehot(indices!, depth, dtype), reshape(ct, [...ct.shape, 1])), null];
  },
  // Each example picks from its own rows: both operands get the batch axis.
  batch: ([x, indices], batched, _params, size) =>
    take(withBatch(x!, batched[0]!, size), withBatch(indices!, batched[1]!, size)),
  // Picking entries multiplies nothing.
  cost: () => free,
  notation: {
    forward: ([x, t]) => atom(`${x!.text}_${t!.text}`, `${x!.latex}_{${t!.latex}}`),
    adjoint: (_i, ct, [_x, t]) =>
      hadamard(atom(`onehot(${t!.text})`, `\\operatorname{onehot}(${t!.latex})`), ct),
  },
};

/** x[..., indices]: one entry of the last axis per index (e.g. y'_t). */
export function take(x: T.Tensor, indices: T.Tensor): T.Tensor;
export function take(x: Value, indices: Value): Value;
export function take(x: Value, indices: Value): Value {
  return bind(takePrimitive, [x, indices], NO_PARAMS);
}
