// `networks:` of an assignment file: a network as forward equations with named sizes, parameters
// and inputs (NetworkSpec), read here and traced by the backprop and graph kinds.
import type { NetworkSpec } from "./backprop-spec.js";
import type { SpecPath } from "./spec-error.js";
import {
  fail,
  integerIn,
  listOf,
  mappingOf,
  type Reader,
  readNonEmptyString,
  SpecObject,
} from "./yaml/schema.js";

const readShape: Reader<string[]> = listOf((value, path) => {
  if (typeof value === "number") return String(integerIn(1, 10_000)(value, path));
  return readNonEmptyString(value, path);
});

export function readNetwork(value: unknown, path: SpecPath): NetworkSpec {
  const spec = SpecObject.read(value, path, [
    "equations",
    "sizes",
    "parameters",
    "inputs",
    "output",
  ]);
  const sizes = Object.fromEntries(spec.or("sizes", mappingOf(integerIn(1, 1000)), []));
  const checkShape = (shape: string[], at: SpecPath) => {
    shape.forEach((dim, i) => {
      if (!/^\d+$/.test(dim) && !Object.hasOwn(sizes, dim))
        fail(
          [...at, i],
          `'${dim}' is not one of the sizes (${Object.keys(sizes).join(", ") || "none"})`,
        );
    });
    return shape;
  };
  const parameters = Object.fromEntries(
    spec.required(
      "parameters",
      mappingOf((v, p) => checkShape(readShape(v, p), p)),
    ),
  );
  const inputs = Object.fromEntries(
    spec.required(
      "inputs",
      mappingOf((v, p): readonly string[] | { readonly classes: string } => {
        if (Array.isArray(v)) return checkShape(readShape(v, p), p);
        const input = SpecObject.read(v, p, ["classes"]);
        const classes = input.required("classes", readNonEmptyString);
        if (!Object.hasOwn(sizes, classes))
          fail(input.pathOf("classes"), `'${classes}' is not one of the sizes`);
        return { classes };
      }),
    ),
  );
  const output = spec.optional("output", readNonEmptyString);
  return {
    equations: spec.required("equations", readNonEmptyString),
    sizes,
    parameters,
    inputs,
    ...(output === undefined ? {} : { output }),
  };
}
