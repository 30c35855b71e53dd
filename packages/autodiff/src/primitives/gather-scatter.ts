// Integer-array indexing and its adjoint: `gather` reads entries at indices along an axis (NumPy's
// `take`, `x[[2, 0]]`), and its VJP scatters the cotangent back, adding where indices repeat;
// `scatterAdd` is linear and its VJP is a gather. Two primitives whose rules call each other live
// in one file, like sum and broadcast.
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

type GatherParams = { axis: number };
/** `size` is the length of the scattered-into axis (the gathered value's axis). */
type ScatterParams = { axis: number; size: Dim };

function checkIndices(op: string, indices: AbstractValue): void {
  if (indices.dtype !== "int32") {
    throw new AutodiffError(op, "dtype", `indices must be int32, got ${indices.dtype}`);
  }
}

/** x.shape[:axis] + indices.shape + x.shape[axis+1:]. */
function gatheredShape(x: readonly Dim[], indices: readonly Dim[], axis: number): Dim[] {
  return [...x.slice(0, axis), ...indices, ...x.slice(axis + 1)];
}

export const gatherPrimitive: Primitive<"gather", GatherParams> = {
  name: "gather",
  saves: [1],
  shape([x, indices], { axis }) {
    checkIndices("gather", indices!);
    return { shape: gatheredShape(x!.shape, indices!.shape, axis), dtype: x!.dtype };
  },
  evaluate: ([x, indices], { axis }) => T.gather(x!, indices!, axis),
  jvp: ([_x, indices], [t], _out, params) => bind(gatherPrimitive, [t!, indices!], params),
  vjp: (ct, [x, indices], _out, { axis }) => [
    bind(scatterPrimitive, [ct, indices!], { axis, size: x!.shape[axis]! }),
    null,
  ],
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
  shape([updates, indices], { axis, size }) {
    checkIndices("scatterAdd", indices!);
    const rank = indices!.shape.length;
    const inner = updates!.shape.slice(axis, axis + rank);
    if (updates!.shape.length < axis + rank || !shapesEqual(inner, indices!.shape)) {
      throw new AutodiffError(
        "scatterAdd",
        "shape",
        `updates of shape ${formatShape(updates!.shape)} do not have indices of shape ${formatShape(indices!.shape)} at axis ${axis}`,
      );
    }
    const shape = [...updates!.shape.slice(0, axis), size, ...updates!.shape.slice(axis + rank)];
    return { shape, dtype: updates!.dtype };
  },
  evaluate([updates, indices], params) {
    const { shape, dtype } = scatterPrimitive.shape([updates!, indices!], params);
    return T.scatterAdd(
      T.zeros(concreteShape("scatterAdd", shape), dtype),
      indices!,
      updates!,
      params.axis,
    );
  },
  jvp: ([_u, indices], [t], _out, params) => bind(scatterPrimitive, [t!, indices!], params),
  vjp: (ct, [_u, indices], _out, { axis }) => [
    bind(gatherPrimitive, [ct, indices!], { axis }),
    null,
  ],
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
  return bind(gatherPrimitive, [x, indices], { axis: normal! });
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
  const expected = gatheredShape(x.shape, indices.shape, normal!);
  if (!shapesEqual(updates.shape, expected)) {
    throw new AutodiffError(
      "scatterAdd",
      "shape",
      `updates of shape ${formatShape(updates.shape)} do not match ${formatShape(expected)} (what gather of indices ${formatShape(indices.shape)} along axis ${normal} of ${formatShape(x.shape)} gives)`,
    );
  }
  return add(
    x,
    bind(scatterPrimitive, [updates, indices], { axis: normal!, size: x.shape[normal!]! }),
  );
}
