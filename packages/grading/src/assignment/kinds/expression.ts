import { rng, type Tensor, tensor } from "@nnkit/tensor";
import type { CheckContext } from "../../checkers/check.js";
import { type ExpressionInstance, expressionCheck } from "../../checkers/expression-check.js";
import type { SpecPath } from "../spec-error.js";
import {
  fail,
  integerIn,
  listOf,
  mappingOf,
  type Reader,
  readNonNegative,
  readStringList,
  SpecObject,
} from "../yaml/schema.js";
import { type PartKind, singlePart } from "./kind.js";
import { evaluateReference, readFormula } from "./spec-math.js";

/** A size in a shape: a number, or the name of one of the part's sizes. */
type Dimension = number | string;

interface DataSpec {
  readonly name: string;
  readonly shape: readonly Dimension[];
}

/** Largest random value a part draws per instance (elements). */
const MAX_DRAWN_ELEMENTS = 100_000;

/**
 * `kind: expression`: a formula in `symbols`, judged by its values on seeded random instances
 * against a reference formula (a difference there is the counterexample), then, where they agree,
 * proved equal to it exactly with every entry of `data` a variable. Each instance draws `data`
 * (standard normal entries of the given shapes, in the file's order, from one stream seeded per
 * question); `sizes` are fixed numbers the shapes and formulas may use.
 */
export const expressionKind: PartKind = {
  keys: ["symbols", "sizes", "data", "instances", "reference", "rtol", "atol"],
  compile(spec, common) {
    const sizes = new Map(spec.or("sizes", mappingOf(integerIn(1, 10_000)), []));
    const data = spec.required("data", mappingOf(readData(sizes)));
    const symbols = spec.optional("symbols", readStringList) ?? [
      ...data.map(([name]) => name),
      ...sizes.keys(),
    ];
    for (const name of [...data.map(([n]) => n), ...sizes.keys()]) {
      if (!symbols.includes(name))
        fail(spec.pathOf("symbols"), `'${name}' has a value but is not among the symbols`);
    }
    const count = spec.or("instances", integerIn(1, 100), 3);
    const referencePath = spec.pathOf("reference");
    const reference = spec.required("reference", (v, p) => readFormula(v, p, symbols, "tensor"));
    const elements = data.reduce((sum, [, d]) => sum + elementsOf(d.shape, sizes), 0);
    if (elements * count > MAX_DRAWN_ELEMENTS)
      fail(
        spec.pathOf("data"),
        `draws ${elements * count} numbers, more than ${MAX_DRAWN_ELEMENTS}`,
      );
    const instances = (context: CheckContext): ExpressionInstance[] =>
      draw(context.seed, count, data, sizes).map((values) => {
        const environment = { values };
        return { environment, reference: evaluateReference(reference, environment, referencePath) };
      });
    // The reference must compute (a shape mistake is the file's, found now).
    instances({ variant: {}, seed: 0 });
    const rtol = spec.optional("rtol", readNonNegative);
    const atol = spec.optional("atol", readNonNegative);
    // Every entry of each drawn value varies in the proof. Only matrices (a column is n×1) are
    // proved: a one-size value is a 1-d tensor, whose products the symbolic evaluator does not copy.
    const matrices = data.flatMap(([name, d]) => {
      const [rows, columns, more] = dimensions(d.shape, sizes);
      return rows === undefined || columns === undefined || more !== undefined
        ? []
        : [[name, [rows, columns]] as const];
    });
    const provable = matrices.length === data.length;
    const check = expressionCheck({
      symbols,
      instances,
      ...(provable ? { proof: { reference, domain: { matrices, constants: [...sizes] } } } : {}),
      ...(rtol === undefined ? {} : { rtol }),
      ...(atol === undefined ? {} : { atol }),
    });
    return singlePart(common, check, "formula");
  },
  template: (spec) => [
    `# A formula in ${(spec.optional("symbols", readStringList) ?? []).join(", ") || "the question's symbols"}, in plain syntax or LaTeX`,
  ],
};

function readData(sizes: ReadonlyMap<string, number>): Reader<Omit<DataSpec, "name">> {
  return (value, path) => {
    const entry = SpecObject.read(value, path, ["normal"]);
    const shape = entry.required("normal", listOf(readDimension(sizes), { nonEmpty: true }));
    if (shape.length > 2)
      fail(entry.pathOf("normal"), "a value is a scalar, vector or matrix (at most two sizes)");
    return { shape };
  };
}

function readDimension(sizes: ReadonlyMap<string, number>): Reader<Dimension> {
  return (value: unknown, path: SpecPath) => {
    if (typeof value === "string") {
      if (!sizes.has(value))
        fail(
          path,
          `'${value}' is not one of the sizes (${[...sizes.keys()].join(", ") || "none"})`,
        );
      return value;
    }
    return integerIn(1, 10_000)(value, path);
  };
}

function dimensions(shape: readonly Dimension[], sizes: ReadonlyMap<string, number>): number[] {
  return shape.map((d) => (typeof d === "number" ? d : sizes.get(d)!));
}

function elementsOf(shape: readonly Dimension[], sizes: ReadonlyMap<string, number>): number {
  return dimensions(shape, sizes).reduce((a, b) => a * b, 1);
}

/** `count` instances from one stream: each draws every data value in order. */
function draw(
  seed: number,
  count: number,
  data: readonly (readonly [string, Omit<DataSpec, "name">])[],
  sizes: ReadonlyMap<string, number>,
): Map<string, Tensor>[] {
  const random = rng(seed);
  return Array.from({ length: count }, () => {
    const values = new Map<string, Tensor>();
    for (const [name, spec] of data) values.set(name, random.normal(dimensions(spec.shape, sizes)));
    for (const [name, size] of sizes) values.set(name, tensor(size));
    return values;
  });
}
