import { solutionSetCheck } from "../../checkers/solution-set-check.js";
import { readStringList } from "../yaml/schema.js";
import { type PartKind, singlePart } from "./kind.js";
import { readEquation } from "./spec-math.js";

/** `kind: solution-set`: an equation in `symbols`, judged by the set of its solutions. */
export const solutionSetKind: PartKind = {
  keys: ["symbols", "reference"],
  compile(spec, common) {
    const symbols = spec.required("symbols", readStringList);
    const zero = spec.required("reference", (value, path) => readEquation(value, path, symbols));
    return singlePart(common, solutionSetCheck({ symbols, zeroOf: () => zero }), "equation");
  },
  template: (spec) => [`# An equation in ${spec.required("symbols", readStringList).join(", ")}`],
};
