// The one reader of matrix chains written as text: a product of factors in the math syntax
// (`2 v v^T y`, `vvᵀ`, a prime or `^\top` transposes), read by @nnkit/math's parser, each named
// factor of a known size. An assignment file gives the sizes beside the chain (`v: [n, 1]`); a
// chain typed in the terminal app gives each name's size once, after it (`2 v:n vᵀ`,
// `A:n×m`). Mistakes are data with a position, which each caller words for its place.
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

/** A size's name (`n`) or a fixed whole number. */
export type Dimension = string | number;

/** A named factor's size: rows and columns, or a scalar. */
export type FactorSize = readonly [Dimension, Dimension] | "scalar";

/** Longest chain read (its orders are enumerated for feedback: Catalan numbers grow fast). */
export const MAX_CHAIN_FACTORS = 8;

/** Why a chain cannot be read; `position` is an offset into the text read. */
export type ChainTextError =
  | { readonly kind: "syntax"; readonly position: number; readonly message: string }
  | { readonly kind: "too-many-factors"; readonly position: number }
  | { readonly kind: "too-few-factors"; readonly position: number }
  | { readonly kind: "not-a-factor"; readonly position: number }
  | { readonly kind: "scalar-transpose"; readonly position: number; readonly name: string }
  /** The factors' inner dimensions differ (@nnkit/cost's check, in its words). */
  | { readonly kind: "sizes-do-not-fit"; readonly position: number; readonly message: string }
  /** Only with sizes written in the chain: */
  /** `names`: the only names a size may have, when the caller restricts them. */
  | { readonly kind: "bad-size"; readonly position: number; readonly names?: readonly string[] }
  | { readonly kind: "size-missing"; readonly position: number; readonly name: string }
  | { readonly kind: "size-conflict"; readonly position: number; readonly name: string };

export type ChainRead =
  | { readonly ok: true; readonly chain: Chain }
  | { readonly ok: false; readonly error: ChainTextError };

/** The error in words, without its position (each caller says where in its own way). */
export function describeChainError(error: ChainTextError): string {
  switch (error.kind) {
    case "syntax":
      return error.message;
    case "too-many-factors":
      return `a chain has at most ${MAX_CHAIN_FACTORS} factors`;
    case "too-few-factors":
      return "a chain needs at least two factors";
    case "not-a-factor":
      return "a chain is a product of factors such as 2, v and v^T";
    case "scalar-transpose":
      return `${error.name} is a scalar: it has no transpose`;
    case "sizes-do-not-fit":
      return `the sizes do not fit: ${error.message}`;
    case "bad-size":
      return error.names === undefined
        ? "sizes are names such as n, or whole numbers: v:n or A:n×m"
        : `sizes are ${error.names.join(", ")} or whole numbers: v:n or A:n×m`;
    case "size-missing":
      return `give ${error.name}'s size the first time it appears, e.g. ${error.name}:n`;
    case "size-conflict":
      return `${error.name} was already given another size`;
  }
}

const failure = (error: ChainTextError): ChainRead => ({ ok: false, error });

/**
 * Reads `text` as a product of factors whose sizes are `sizes` (every name must have one), of at
 * least `minFactors` factors.
 */
export function readChain(
  text: string,
  sizes: ReadonlyMap<string, FactorSize>,
  { minFactors = 1 }: { readonly minFactors?: number } = {},
): ChainRead {
  const names = [...sizes.keys()];
  // A primed name (v') is read as a name, then as the transpose it stands for.
  const parsed = parseMath(text, {
    names: symbolResolver([...names, ...names.map((n) => `${n}'`)]),
  });
  if (!parsed.ok) {
    return failure({
      kind: "syntax",
      position: parsed.error.position,
      message: parsed.error.message,
    });
  }
  const factors: Factor[] = [];
  let problem: ChainTextError | undefined;
  const collect = (node: MathNode): void => {
    if (problem !== undefined) return;
    if (factors.length > MAX_CHAIN_FACTORS) {
      problem = { kind: "too-many-factors", position: node.start };
    } else if (node.kind === "binary" && node.op === "product") {
      collect(node.left);
      collect(node.right);
    } else if (node.kind === "number") {
      factors.push(scalar(node.value));
    } else if (node.kind === "symbol" && sizes.has(node.name)) {
      factors.push(factorOf(node.name, sizes));
    } else if (
      node.kind === "symbol" &&
      node.name.endsWith("'") &&
      sizes.has(node.name.slice(0, -1))
    ) {
      // A prime belongs to a name in formulas (y'); in a chain it is the transpose it looks like.
      transposed(node.name.slice(0, -1), node.start);
    } else if (node.kind === "transpose" && node.operand.kind === "symbol") {
      transposed(node.operand.name, node.start);
    } else {
      // An operator between factors (v+v) is pointed at, not the start of its left operand.
      const position = node.kind === "binary" ? node.left.end : node.start;
      problem = { kind: "not-a-factor", position };
    }
  };
  const transposed = (name: string, position: number): void => {
    const base = factorOf(name, sizes);
    if (base.kind === "scalar") problem = { kind: "scalar-transpose", position, name };
    else factors.push(transpose(base));
  };
  collect(parsed.node);
  if (problem === undefined && factors.length > MAX_CHAIN_FACTORS) {
    problem = { kind: "too-many-factors", position: 0 };
  }
  if (problem !== undefined) return failure(problem);
  if (factors.length < minFactors) {
    return failure({ kind: "too-few-factors", position: text.length });
  }
  try {
    return { ok: true, chain: chain(...factors) };
  } catch (error) {
    if (!(error instanceof CostError)) throw error;
    const message = error.message.replace(/^chain: /, "");
    return failure({ kind: "sizes-do-not-fit", position: 0, message });
  }
}

function factorOf(name: string, sizes: ReadonlyMap<string, FactorSize>): MatrixFactor | Factor {
  const size = sizes.get(name) ?? "scalar";
  return size === "scalar" ? scalar(name) : matrix(name, size[0], size[1]);
}

/**
 * Reads a chain whose sizes are written in it, once per name after its first use: `v:n` is an
 * n×1 vector, `A:n×m` (or `nxm`) a matrix, `x^T:2` the transpose of a 2×1 vector, a size a name
 * or a whole number (`2 v:n vᵀ` is 2vvᵀ). `sizeNames`, when given, are the only names a size may
 * have. Positions are offsets into `text`.
 */
export function readSizedChain(
  text: string,
  options: { readonly sizeNames?: readonly string[] } = {},
): ChainRead {
  const sizes = new Map<string, FactorSize>();
  // Each `:size` is blanked out, keeping every other character where it was.
  let factorsText = text;
  for (const match of text.matchAll(/(\S*?):(\S*)/g)) {
    const at = match.index;
    const [whole, written = "", sizeText = ""] = match;
    const name = /^[A-Za-z]\w*/.exec(written)?.[0];
    if (name === undefined) return failure({ kind: "not-a-factor", position: at });
    const sizeAt = at + written.length + 1;
    const size = readSize(sizeText, options.sizeNames);
    if (size === undefined) {
      const { sizeNames } = options;
      return failure({
        kind: "bad-size",
        position: sizeAt,
        ...(sizeNames === undefined ? {} : { names: sizeNames }),
      });
    }
    const known = sizes.get(name);
    if (known !== undefined && String(known) !== String(size)) {
      return failure({ kind: "size-conflict", position: at, name });
    }
    sizes.set(name, size);
    factorsText =
      factorsText.slice(0, sizeAt - 1) +
      " ".repeat(whole.length - written.length) +
      factorsText.slice(at + whole.length);
  }
  const read = readChain(factorsText, sizes, { minFactors: 2 });
  if (read.ok || read.error.kind !== "syntax") return read;
  // A name without a size is the likeliest mistake: say so rather than the parser's words.
  const unsized = /[A-Za-z]\w*/y;
  unsized.lastIndex = read.error.position;
  const name = unsized.exec(factorsText)?.[0];
  return name === undefined || sizes.has(name)
    ? read
    : failure({ kind: "size-missing", position: read.error.position, name });
}

/** `n`, `3`, `n×m`, `nxm` → rows and columns (a vector has one column), or undefined. */
function readSize(text: string, names: readonly string[] | undefined): FactorSize | undefined {
  const dims = text.split(/[×x*]/);
  const valid = (d: string) =>
    /^[1-9]\d{0,6}$/.test(d) || (/^[A-Za-z]\w*$/.test(d) && (names?.includes(d) ?? true));
  if (dims.length > 2 || !dims.every(valid)) return undefined;
  const [rows = "", columns = "1"] = dims;
  const dimension = (d: string): Dimension => (/^\d/.test(d) ? Number(d) : d);
  return [dimension(rows), dimension(columns)];
}
