// Integer-array indexing and its adjoint: `gather` reads entries at indices along an axis (NumPy's
// `take`, `x[[2, 0]]`), and its VJP scatters the cotangent back, adding where indices repeat;
// `scatterAdd` is linear and its VJP is a gather. Two primitives whose rules call each other live
// in one file, like sum and broadcast. Both take `batchDims` leading axes that the operand and the
// indices share (each example indexes its own slice, as TensorFlow's `batch_dims`): that is what
// vmap makes of a gather whose indices are batched.
import * as T from "@nnkit/tensor";
import type { AbstractValue } from "../abstract-value.js";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { concreteShape, type Dim, formatShape, shapesEqual } from "../dims.js";
import { atom } from "../equations/expr.js";
import { AutodiffError } from "../errors.js";
import type { Primitive } from "../primitive.js";
import { normalizeAxes } from "../shapes.js";
import type { Value } from "../tracer.js";
import { add } from "./add.js";
import { withBatch } from "./sum-broadcast.js";

type GatherParams = { axis: number; batchDims: number };
/** `size` is the length of the scattered-into axis (the gathered value's axis). */
type ScatterParams = { axis: number; size: Dim; batchDims: number };

function checkIndices(op: string, value: AbstractValue, indices: AbstractValue, batchDims: number) {
  if (indices.dtype !== "int32") {
    throw new AutodiffError(op, "dtype", `indices must be int32, got ${indices.dtype}`);
  }
  if (!shapesEqual(value.shape.slice(0, batchDims), indices.shape.slice(0, batchDims))) {
    throw new AutodiffError(
      op,
      "shape",
      `indices of shape ${formatShape(indices.shape)} do not share the first ${batchDims} axes of ${formatShape(value.shape)}`,
    );
  }
}

/** x.shape[:axis] + indices' own axes + x.shape[axis+1:]. */
function gatheredShape(
  x: readonly Dim[],
  indices: readonly Dim[],
  axis: number,
  batchDims: number,
): Dim[] {
  return [...x.slice(0, axis), ...indices.slice(batchDims), ...x.slice(axis + 1)];
}

/** Applies `each` to every example of the `batchDims` shared leading axes, stacking the results. */
function perExample(
  batchDims: number,
  inputs: readonly T.Tensor[],
  out: AbstractValue,
  each: (inputs: readonly T.Tensor[]) => T.Tensor,
): T.Tensor {
  if (batchDims === 0) return each(inputs);
  const shape = concreteShape("gather", out.shape);
  const count = shape.slice(0, batchDims).reduce((p, d) => p * d, 1);
  if (count === 0) return T.zeros(shape, out.dtype);
  const flat = inputs.map((t) => T.reshape(t, [count, ...t.shape.slice(batchDims)]));
  const parts = Array.from({ length: count }, (_, p) => each(flat.map((t) => T.slice(t, p))));
  return T.reshape(T.stack(parts), shape);
}

export const gatherPrimitive: Primitive<"gather", GatherParams> = {
  name: "gather",
  saves: [1],
  shape([x, indices], { axis, batchDims }) {
    checkIndices("gather", x!, indices!, batchDims);
    return { shape: gatheredShape(x!.shape, indices!.shape, axis, batchDims), dtype: x!.dtype };
  },
  evaluate([x, indices], params) {
    const out = gatherPrimitive.shape([x!, indices!], params);
    return perExample(params.batchDims, [x!, indices!], out, ([xs, is]) =>
      T.gather(xs!, is!, params.axis - params.batchDims),
    );
  },
  jvp: ([_x, indices], [t], _out, params) => bind(gatherPrimitive, [t!, indices!], params),
  vjp: (ct, [x, indices], _out, { axis, batchDims }) => [
    bind(scatterPrimitive, [ct, indices!], { axis, size: x!.shape[axis]!, batchDims }),
    null,
  ],
  // Shared indices pick along the next axis; batched ones index each example's own slice.
  batch([x, indices], batched, { axis, batchDims }, size) {
    if (!batched[1] && batchDims === 0) {
      return bind(gatherPrimitive, [x!, indices!], { axis: axis + 1, batchDims });
    }
    const operands = [withBatch(x!, batched[0]!, size), withBatch(indices!, batched[1]!, size)];
    return bind(gatherPrimitive, operands, { axis: axis + 1, batchDims: batchDims + 1 });
  },
  // Copying entries multiplies nothing.
  cost: () => free,
  notation: {
    forward: ([x, i]) => atom(`${x!.text}[${i!.text}]`, `${x!.latex}_{[${i!.latex}]}`),
    adjoint: (_i, ct, [_x, i]) =>
      atom(
        `scatterAdd(${ct.text}, ${i!.text})`,
        `\\operatorname{scatterAdd}(${ct.latex}, ${i!.latex})`,
      ),
  },
};

/** Zeros of the gathered value's shape with `updates` added at the indices (repeats add up). */
export const scatterPrimitive: Primitive<"scatterAdd", ScatterParams> = {
  name: "scatterAdd",
  // Linear in the updates: the VJP reads the indices only.
  saves: [1],
  shape([updates, indices], { axis, size, batchDims }) {
    checkIndices("scatterAdd", updates!, indices!, batchDims);
    const own = indices!.shape.slice(batchDims);
    const inner = updates!.shape.slice(axis, axis + own.length);
    if (updates!.shape.length < axis + own.length || !shapesEqual(inner, own)) {
      throw new AutodiffError(
        "scatterAdd",
        "shape",
        `updates of shape ${formatShape(updates!.shape)} do not have indices of shape ${formatShape(indices!.shape)} at axis ${axis}`,
      );
    }
    const shape = [
      ...updates!.shape.slice(0, axis),
      size,
      ...updates!.shape.slice(axis + own.length),
    ];
    return { shape, dtype: updates!.dtype };
  },
  evaluate([updates, indices], params) {
    const out = scatterPrimitive.shape([updates!, indices!], params);
    const at = params.axis - params.batchDims;
    return perExample(params.batchDims, [updates!, indices!], out, ([us, is]) => {
      const shape = [
        ...us!.shape.slice(0, at),
        Number(params.size),
        ...us!.shape.slice(at + is!.rank),
      ];
      return T.scatterAdd(T.zeros(shape, out.dtype), is!, us!, at);
    });
  },
  jvp: ([_u, indices], [t], _out, params) => bind(scatterPrimitive, [t!, indices!], params),
  vjp: (ct, [_u, indices], _out, { axis, batchDims }) => [
    bind(gatherPrimitive, [ct, indices!], { axis, batchDims }),
    null,
  ],
  batch([updates, indices], batched, { axis, size, batchDims }, count) {
    if (!batched[1] && batchDims === 0) {
      return bind(scatterPrimitive, [updates!, indices!], { axis: axis + 1, size, batchDims });
    }
    const operands = [
      withBatch(updates!, batched[0]!, count),
      withBatch(indices!, batched[1]!, count),
    ];
    return bind(scatterPrimitive, operands, { axis: axis + 1, size, batchDims: batchDims + 1 });
  },
  // Additions only.
  cost: () => free,
  notation: {
    forward: ([u, i]) =>
      atom(
        `scatterAdd(${u!.text}, ${i!.text})`,
        `\\operatorname{scatterAdd}(${u!.latex}, ${i!.latex})`,
      ),
    adjoint: (_i, ct, [_u, i]) => atom(`${ct.text}[${i!.text}]`, `${ct.latex}_{[${i!.latex}]}`),
  },
};

/**
 * NumPy's `take(x, indices, axis)`: entries at int32 `indices` (negative count from the end)
 * along `axis` (default 0), shape x.shape[:axis] + indices.shape + x.shape[axis+1:]. Its
 * derivative scatters back, adding where an index repeats.
 */
export function gather(x: T.Tensor, indices: T.Tensor, axis?: number): T.Tensor;
export function gather(x: Value, indices: Value, axis?: number): Value;
export function gather(x: Value, indices: Value, axis = 0): Value {
  const [normal] = normalizeAxes("gather", axis, x.shape.length);
  return bind(gatherPrimitive, [x, indices], { axis: normal!, batchDims: 0 });
}

/**
 * `x` with `updates` added at int32 `indices` along `axis` (JAX's `x.at[indices].add(updates)`):
 * repeated indices add up; `updates` has the shape `gather(x, indices, axis)` has.
 */
export function scatterAdd(
  x: T.Tensor,
  indices: T.Tensor,
  updates: T.Tensor,
  axis?: number,
): T.Tensor;
export function scatterAdd(x: Value, indices: Value, updates: Value, axis?: number): Value;
export function scatterAdd(x: Value, indices: Value, updates: Value, axis = 0): Value {
  const [normal] = normalizeAxes("scatterAdd", axis, x.shape.length);
  const expected = gatheredShape(x.shape, indices.shape, normal!, 0);
  if (!shapesEqual(updates.shape, expected)) {
    throw new AutodiffError(
      "scatterAdd",
      "shape",
      `updates of shape ${formatShape(updates.shape)} do not match ${formatShape(expected)} (what gather of indices ${formatShape(indices.shape)} along axis ${normal} of ${formatShape(x.shape)} gives)`,
    );
  }
  const scattered = bind(scatterPrimitive, [updates, indices], {
    axis: normal!,
    size: x.shape[normal!]!,
    batchDims: 0,
  });
  return add(x, scattered);
}
