// A matrix chain as an assignment file writes it: factors in the math syntax (`2 v v^T y`), read
// by @nnkit/math's parser, with each named factor's symbolic size (`v: [n, 1]`) given once.
import {
  type Chain,
  CostError,
  chain,
  type Factor,
  type MatrixFactor,
  matrix,
  scalar,
  transpose,
} from "@nnkit/cost";
import { type MathNode, parseMath, symbolResolver } from "@nnkit/math";
import type { SpecPath } from "../spec-error.js";
import {
  fail,
  integerIn,
  mappingOf,
  type Reader,
  readNonEmptyString,
  type SpecObject,
} from "../yaml/schema.js";

/** Longest chain read (its orders are enumerated for feedback: Catalan numbers grow fast). */
const MAX_FACTORS = 8;

/** A size's name (`n`) or a fixed whole number. */
type Dimension = string | number;

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
const readFactorSize: Reader<readonly [Dimension, Dimension] | "scalar"> = (value, path) => {
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

function chainFrom(
  value: unknown,
  path: SpecPath,
  sizes: ReadonlyMap<string, readonly [Dimension, Dimension] | "scalar">,
): Chain {
  const text = readNonEmptyString(value, path);
  const parsed = parseMath(text, { names: symbolResolver([...sizes.keys()]) });
  const at = (node: { start: number }) => `at character ${node.start + 1} of "${text}"`;
  if (!parsed.ok) {
    const known = [...sizes.keys()].join(", ") || "none";
    fail(
      path,
      `${parsed.error.message} at character ${parsed.error.position + 1} of "${text}" (factors with sizes: ${known})`,
    );
  }
  const factors: Factor[] = [];
  const collect = (node: MathNode): void => {
    if (factors.length > MAX_FACTORS) fail(path, `a chain has at most ${MAX_FACTORS} factors`);
    if (node.kind === "binary" && node.op === "product") {
      collect(node.left);
      collect(node.right);
    } else if (node.kind === "number") {
      factors.push(scalar(node.value));
    } else if (node.kind === "symbol") {
      factors.push(factorOf(node.name, sizes));
    } else if (node.kind === "transpose" && node.operand.kind === "symbol") {
      const base = factorOf(node.operand.name, sizes);
      if (base.kind === "scalar")
        fail(path, `${node.operand.name} is a scalar: it has no transpose (${at(node)})`);
      factors.push(transpose(base as MatrixFactor));
    } else {
      fail(path, `a chain is a product of factors such as 2, v and v^T (${at(node)})`);
    }
  };
  collect(parsed.node);
  if (factors.length > MAX_FACTORS) fail(path, `a chain has at most ${MAX_FACTORS} factors`);
  try {
    return chain(...factors);
  } catch (error) {
    if (error instanceof CostError)
      fail(path, `the sizes do not fit: ${error.message.replace(/^chain: /, "")}`);
    throw error;
  }
}

function factorOf(
  name: string,
  sizes: ReadonlyMap<string, readonly [Dimension, Dimension] | "scalar">,
): Factor {
  const size = sizes.get(name)!;
  return size === "scalar" ? scalar(name) : matrix(name, size[0], size[1]);
}
