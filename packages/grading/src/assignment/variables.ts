// `variables:` of an assignment file: the numbers a handout gives, and how a per-student variant
// draws its own (`draw: { integers: { from: 1, to: 5 } }`, of the handout value's shape).
import type { Rng } from "@nnkit/tensor";
import type { VariantVariable } from "./assignment.js";
import type { SpecPath } from "./spec-error.js";
import {
  fail,
  integerIn,
  listOf,
  mappingOf,
  type Reader,
  readNumber,
  readPositive,
  SpecObject,
} from "./yaml/schema.js";

/** Longest vector a variable may hold (its outer product stays small). */
const MAX_LENGTH = 1000;

export function readVariables(value: unknown, path: SpecPath): VariantVariable[] {
  return mappingOf(readVariable)(value, path).map(([name, read]) => read(name));
}

const readVariable: Reader<(name: string) => VariantVariable> = (value, path) => {
  const spec = SpecObject.read(value, path, ["handout", "draw"]);
  const handout = spec.required("handout", readHandout);
  // Without a draw, every student gets the handout's numbers.
  const draw =
    spec.optional("draw", readDraw(Array.isArray(handout) ? handout.length : undefined)) ??
    (() => (Array.isArray(handout) ? [...handout] : handout));
  return (name) => ({ name, handout, draw });
};

const readHandout: Reader<number | number[]> = (value, path) => {
  if (typeof value === "number") return readNumber(value, path);
  const list = listOf(readNumber, { nonEmpty: true })(value, path);
  if (list.length > MAX_LENGTH) fail(path, `more than ${MAX_LENGTH} numbers`);
  return list;
};

/** A draw of one number (`length` undefined) or of a vector of `length`. */
function readDraw(length: number | undefined): Reader<(random: Rng) => number | number[]> {
  return (value, path) => {
    const spec = SpecObject.read(value, path, ["integers", "normal"]);
    const shape = length === undefined ? [] : [length];
    const values = (drawn: { toTypedArray(): ArrayLike<number>; item(): number }) =>
      length === undefined ? drawn.item() : [...Array.from(drawn.toTypedArray())];
    if (spec.exactlyOne(["integers", "normal"]) === "integers") {
      const range = SpecObject.read(spec.data.integers, spec.pathOf("integers"), ["from", "to"]);
      const from = range.required("from", integerIn(-1e9, 1e9));
      const to = range.required("to", integerIn(-1e9, 1e9));
      if (to < from) fail(range.path, `'to' (${to}) is below 'from' (${from})`);
      // The tensor library's upper bound is exclusive; the file's is inclusive.
      return (random) => values(random.integers(shape, from, to + 1));
    }
    const normal = SpecObject.read(spec.data.normal, spec.pathOf("normal"), ["mean", "std"]);
    const mean = normal.or("mean", readNumber, 0);
    const std = normal.or("std", readPositive, 1);
    return (random) => values(random.normal(shape, mean, std));
  };
}
