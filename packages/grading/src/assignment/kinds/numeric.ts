import { type Tensor, tensor } from "@nnkit/tensor";
import type { CheckContext, Variant } from "../../checkers/check.js";
import { type NumericReference, numericCheck } from "../../checkers/numeric-check.js";
import { GradingError } from "../../errors.js";
import type { NumericArray } from "../../math/constant.js";
import type { GradingMath } from "../../math/expr.js";
import type { VariantVariable } from "../assignment.js";
import type { SpecPath } from "../spec-error.js";
import {
  fail,
  listOf,
  mappingOf,
  type Reader,
  readNonEmptyString,
  readNonNegative,
  SpecObject,
} from "../yaml/schema.js";
import type { KindContext, PartKind } from "./kind.js";
import { singlePart } from "./kind.js";
import { evaluateReference, readFormula } from "./spec-math.js";

interface ReferenceSpec {
  readonly expr: GradingMath;
  readonly label?: string;
  readonly convention?: string;
  readonly path: SpecPath;
}

/**
 * `kind: numeric`: a number, vector or matrix, compared with reference formulas over the
 * assignment's variables evaluated on the student's variant (`reference: 2 v v^T`, with
 * `values: { v: q2.2.1 v }` naming which variable each symbol is). Vectors are columns.
 */
export const numericKind: PartKind = {
  keys: ["values", "reference", "references", "rtol", "atol"],
  compile(spec, common, context) {
    const values = readValues(spec, context);
    const symbols = [...values.keys()];
    const which = spec.exactlyOne(["reference", "references"]);
    const references: ReferenceSpec[] =
      which === "reference"
        ? [{ expr: spec.required("reference", formula(symbols)), path: spec.pathOf("reference") }]
        : spec.required("references", listOf(referenceEntry(symbols, context), { nonEmpty: true }));
    // The references must compute on the handout's numbers (and so on every variant's shapes).
    const handout = environmentOf(handoutVariant(context.variables), values);
    for (const reference of references) evaluateReference(reference.expr, handout, reference.path);
    const [first, ...others] = references.map(
      (reference): NumericReference => ({
        ...(reference.label === undefined ? {} : { label: reference.label }),
        ...(reference.convention === undefined ? {} : { convention: reference.convention }),
        value: (c: CheckContext) => toNumeric(evaluateOn(reference, c.variant, values)),
      }),
    );
    const check = numericCheck({
      references: [first!, ...others],
      ...optionalNumber(spec, "rtol"),
      ...optionalNumber(spec, "atol"),
    });
    return singlePart(common, check, "value");
  },
};

function optionalNumber(spec: SpecObject, key: "rtol" | "atol"): { rtol?: number; atol?: number } {
  const value = spec.optional(key, readNonNegative);
  return value === undefined ? {} : { [key]: value };
}

const formula =
  (symbols: readonly string[]): Reader<GradingMath> =>
  (value, path) =>
    readFormula(value, path, symbols, "tensor");

function referenceEntry(symbols: readonly string[], context: KindContext): Reader<ReferenceSpec> {
  return (value, path) => {
    const entry = SpecObject.read(value, path, ["value", "label", "convention"]);
    const convention = entry.optional("convention", readNonEmptyString);
    if (convention !== undefined && !context.conventions?.includes(convention)) {
      fail(
        entry.pathOf("convention"),
        context.conventions === undefined
          ? `the question names no conventions, so '${convention}' is unknown`
          : `'${convention}' is not one of the question's conventions (${context.conventions.join(", ")})`,
      );
    }
    const label = entry.optional("label", readNonEmptyString);
    return {
      expr: entry.required("value", formula(symbols)),
      ...(label === undefined ? {} : { label }),
      ...(convention === undefined ? {} : { convention }),
      path: entry.pathOf("value"),
    };
  };
}

/** Symbol → variable name; by default every variable whose name is a plain symbol. */
function readValues(spec: SpecObject, context: KindContext): Map<string, string> {
  const given = spec.optional("values", mappingOf(readNonEmptyString));
  const values = new Map<string, string>(
    given ?? [...context.variables.keys()].filter((n) => /^\w+$/.test(n)).map((n) => [n, n]),
  );
  for (const [symbol, variable] of values) {
    if (!context.variables.has(variable)) {
      const known = [...context.variables.keys()].join(", ") || "none";
      fail(spec.pathOf("values").concat(symbol), `no variable '${variable}' (variables: ${known})`);
    }
  }
  return values;
}

function handoutVariant(variables: ReadonlyMap<string, VariantVariable>): Variant {
  return Object.fromEntries([...variables].map(([name, variable]) => [name, variable.handout]));
}

function environmentOf(variant: Variant, values: ReadonlyMap<string, string>) {
  const tensors = new Map<string, Tensor>();
  for (const [symbol, variable] of values) {
    const value = variant[variable];
    if (value === undefined)
      throw new GradingError("numeric", "definition", `the variant has no numbers for ${variable}`);
    tensors.set(symbol, typeof value === "number" ? tensor(value) : column(value));
  }
  return { values: tensors };
}

function column(values: readonly number[]): Tensor {
  return tensor([...values], { shape: [values.length, 1] });
}

function evaluateOn(
  reference: ReferenceSpec,
  variant: Variant,
  values: ReadonlyMap<string, string>,
): Tensor {
  return evaluateReference(reference.expr, environmentOf(variant, values), reference.path);
}

function toNumeric(t: Tensor): NumericArray {
  return { shape: [...t.shape], data: [...t.toTypedArray()] };
}
