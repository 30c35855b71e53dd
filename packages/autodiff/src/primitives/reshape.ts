import * as T from "@nnkit/tensor";
import { bind } from "../bind.js";
import { free } from "../cost.js";
import { concreteShape, type Dim, formatShape, isSymbol, shapesEqual } from "../dims.js";
import { AutodiffError } from "../errors.js";
import type { Primitive } from "../primitive.js";
import type { Value } from "../tracer.js";
import { linear } from "./linear.js";

type ReshapeParams = { shape: readonly Dim[] };

/** A size as (numeric factor, sorted symbol names), so sizes with symbols can be compared. */
function sizeOf(shape: readonly Dim[]): { factor: number; symbols: string } {
  let factor = 1;
  const names: string[] = [];
  for (const d of shape) {
    if (isSymbol(d)) names.push(d.name);
    else factor *= d;
  }
  return { factor, symbols: names.sort().join("·") };
}

export const reshapePrimitive: Primitive<"reshape", ReshapeParams> = linear({
  name: "reshape",
  view: true,
  shape([x], { shape }) {
    const from = sizeOf(x!.shape);
    const to = sizeOf(shape);
    if (from.factor !== to.factor || from.symbols !== to.symbols) {
      throw new AutodiffError(
        "reshape",
        "shape",
        `cannot reshape ${formatShape(x!.shape)} into ${formatShape(shape)} (sizes differ)`,
      );
    }
    return { shape, dtype: x!.dtype };
  },
  evaluate: ([x], { shape }) => T.reshape(x!, concreteShape("reshape", shape)),
  vjp: (ct, [x]) => [reshape(ct, x!.shape)],
  // A view: no multiplications.
  batch: ([x], _batched, { shape }) => reshape(x!, [x!.shape[0]!, ...shape]),
  cost: () => free,
  // Reshaping does not change what a value means in a hand derivation.
  notation: {
    forward: ([x]) => x!,
    adjoint: (_i, ct) => ct,
  },
});

/** Replaces one -1 by the size that makes the element counts agree (concrete sizes only). */
function resolve(from: readonly Dim[], shape: readonly (Dim | -1)[]): Dim[] {
  const holes = shape.filter((d) => d === -1).length;
  if (holes === 0) return shape as Dim[];
  const known = shape.filter((d) => d !== -1);
  const total = sizeOf(from);
  const rest = sizeOf(known);
  if (
    holes > 1 ||
    total.symbols !== rest.symbols ||
    rest.factor === 0 ||
    total.factor % rest.factor !== 0
  ) {
    throw new AutodiffError(
      "reshape",
      "shape",
      `cannot infer -1 when reshaping ${formatShape(from)} into [${shape.map((d) => (typeof d === "number" ? d : d.name)).join(", ")}]`,
    );
  }
  return shape.map((d) => (d === -1 ? total.factor / rest.factor : d));
}

/** The same entries in a new shape (row-major); one -1 is inferred. */
export function reshape(x: T.Tensor, shape: readonly (Dim | -1)[]): T.Tensor;
export function reshape(x: Value, shape: readonly (Dim | -1)[]): Value;
export function reshape(x: Value, shape: readonly (Dim | -1)[]): Value {
  const target = resolve(x.shape, shape);
  if (shapesEqual(x.shape, target)) return x;
  return bind(reshapePrimitive, [x], { shape: target });
}
