// A matrix chain as an assignment file writes it: factors in the math syntax (`2 v v^T y`), read
// by @nnkit/math's parser, with each named factor's symbolic size (`v: [n, 1]`) given once.
import type { Chain } from "@nnkit/cost";
import {
  type Dimension,
  describeChainError,
  type FactorSize,
  readChain,
} from "../../math/read-chain.js";
import type { SpecPath } from "../spec-error.js";
import {
  fail,
  integerIn,
  mappingOf,
  type Reader,
  readNonEmptyString,
  type SpecObject,
} from "../yaml/schema.js";

/** The part's sizes and the chains read with them. */
export interface ChainSpec {
  readonly chain: Chain;
  /** The sizes the counts are in, e.g. ["m", "n"]. */
  readonly symbols: readonly string[];
  /** Another chain over the same named factors (an accepted alternative). */
  readChain(value: unknown, path: SpecPath): Chain;
}

/** Reads `chain`, `sizes` and `symbols` of a cost or condition part. */
export function readChainSpec(spec: SpecObject): ChainSpec {
  const sizes = new Map(spec.or("sizes", mappingOf(readFactorSize), []));
  const readChain: Reader<Chain> = (value, path) => chainFrom(value, path, sizes);
  const main = spec.required("chain", readChain);
  const symbols = spec.optional("symbols", (value, path) => {
    const list = mappingOrList(value, path);
    for (const name of main.variables) {
      if (!list.includes(name)) fail(path, `the chain's size '${name}' is not among the symbols`);
    }
    return list;
  });
  return { chain: main, symbols: symbols ?? [...main.variables].sort(), readChain };
}

function mappingOrList(value: unknown, path: SpecPath): string[] {
  if (!Array.isArray(value)) fail(path, "expected a list of size names, e.g. [m, n]");
  return value.map((v, i) => readNonEmptyString(v, [...path, i]));
}

/** `[n, 1]`, `[n, m]` or `scalar`. */
const readFactorSize: Reader<FactorSize> = (value, path) => {
  if (value === "scalar") return "scalar";
  if (!Array.isArray(value) || value.length !== 2)
    fail(path, "expected [rows, columns], e.g. [n, 1] for a vector, or scalar");
  return [readDimension(value[0], [...path, 0]), readDimension(value[1], [...path, 1])];
};

function readDimension(value: unknown, path: SpecPath): Dimension {
  if (typeof value === "number") return integerIn(1, 1_000_000)(value, path);
  const name = readNonEmptyString(value, path);
  if (!/^[A-Za-z]\w*$/.test(name))
    fail(path, `a size is a name such as n or a whole number, not "${name}"`);
  return name;
}

function chainFrom(value: unknown, path: SpecPath, sizes: ReadonlyMap<string, FactorSize>): Chain {
  const text = readNonEmptyString(value, path);
  const read = readChain(text, sizes);
  if (read.ok) return read.chain;
  const { error } = read;
  const at = `at character ${error.position + 1} of "${text}"`;
  const words = describeChainError(error);
  switch (error.kind) {
    case "syntax": {
      const known = [...sizes.keys()].join(", ") || "none";
      return fail(path, `${words} ${at} (factors with sizes: ${known})`);
    }
    case "scalar-transpose":
    case "not-a-factor":
      return fail(path, `${words} (${at})`);
    default:
      return fail(path, words);
  }
}
