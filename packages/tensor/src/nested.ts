// Reading nested JavaScript arrays: infer the shape, reject ragged input, flatten row-major.
import { formatShape, TensorError } from "./errors.js";
import type { NestedArray } from "./tensor.js";

interface FlatNested {
  shape: number[];
  values: number[];
  /** True when every leaf is a boolean (the tensor then defaults to dtype bool). */
  allBoolean: boolean;
}

function inferShape(data: NestedArray): number[] {
  const shape: number[] = [];
  let level: NestedArray = data;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0] as NestedArray;
  }
  return shape;
}

export function flattenNested(op: string, data: NestedArray): FlatNested {
  const shape = inferShape(data);
  const values: number[] = [];
  let allBoolean = true;
  const walk = (node: NestedArray, axis: number, path: number[]): void => {
    if (axis === shape.length) {
      if (typeof node === "boolean") {
        values.push(node ? 1 : 0);
        return;
      }
      if (typeof node !== "number") {
        throw new TensorError(
          op,
          "argument",
          `element at [${path.join(", ")}] is ${Array.isArray(node) ? "an array" : typeof node}, expected a number or boolean (shape ${formatShape(shape)})`,
        );
      }
      allBoolean = false;
      values.push(node);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[axis]) {
      throw new TensorError(
        op,
        "shape",
        `ragged nested array: entry [${path.join(", ")}] should have length ${shape[axis]} to match shape ${formatShape(shape)}`,
      );
    }
    for (let i = 0; i < node.length; i++) walk(node[i] as NestedArray, axis + 1, [...path, i]);
  };
  walk(data, 0, []);
  return { shape, values, allBoolean: allBoolean && values.length > 0 };
}
