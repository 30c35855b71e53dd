// A chain typed by the student, e.g. "2 v:n vᵀ" (2.2's H = 2vvᵀ) or "v:n vᵀ y1:n y2ᵀ:m": factors
// separated by spaces; a name's size is given once, for the untransposed factor (`v:n` is an
// n×1 vector, `A:n×m` a matrix); `ᵀ`, `^T`, `^\top` or `'` transposes; a number is a scalar factor.
// Each factor and each size is read by @nnkit/math's parser (so LaTeX spellings work as in answers);
// the chain itself (and its shape check) is @nnkit/cost's.
import {
  type Chain,
  chain,
  type Factor,
  type MatrixFactor,
  matrix,
  scalar,
  transpose,
  vector,
} from "@nnkit/cost";
import { type MathNode, parseMath, symbolResolver } from "@nnkit/math";
import type { FieldError } from "../../components/TextField.js";

export type ReadChain = { ok: true; chain: Chain } | { ok: false; error: FieldError };

/** A factor as written: a number, or a name, transposed or not. */
type Written =
  | { readonly kind: "scalar"; readonly value: number }
  | { readonly kind: "name"; readonly name: string; readonly transposed: boolean };

/** Sizes are the screen's n and m, or whole numbers. */
const sizeNames = symbolResolver(["n", "m"]);

function fail(position: number, message: string): ReadChain {
  return { ok: false, error: { position, message } };
}

function readFactor(text: string): Written | undefined {
  const parsed = parseMath(text);
  if (!parsed.ok || /[()[\]]/.test(text)) return undefined;
  const node = parsed.node;
  if (node.kind === "number") return { kind: "scalar", value: node.value };
  if (node.kind === "transpose" && node.operand.kind === "symbol") {
    return { kind: "name", name: node.operand.name, transposed: true };
  }
  if (node.kind !== "symbol") return undefined;
  // A prime belongs to a name in formulas (y'); in a chain it is the transpose it looks like.
  const prime = node.name.endsWith("'");
  return { kind: "name", name: prime ? node.name.slice(0, -1) : node.name, transposed: prime };
}

/** `n`, `3`, `n×m`, `nxm` → the sizes, or undefined. */
function readSizes(text: string): (string | number)[] | undefined {
  const parsed = parseMath(text.replace(/(?<=[nm\d])x(?=[nm\d])/g, "×"), { names: sizeNames });
  if (!parsed.ok) return undefined;
  const sizes: (string | number)[] = [];
  const collect = (node: MathNode): boolean => {
    if (node.kind === "binary" && node.op === "product")
      return collect(node.left) && collect(node.right);
    if (node.kind === "symbol") sizes.push(node.name);
    else if (node.kind === "number" && Number.isInteger(node.value)) sizes.push(node.value);
    else return false;
    return true;
  };
  return collect(parsed.node) && sizes.length <= 2 ? sizes : undefined;
}

export function readChain(text: string): ReadChain {
  const defined = new Map<string, MatrixFactor>();
  const factors: Factor[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    const word = match[0];
    const at = match.index;
    const colon = word.indexOf(":");
    const written = readFactor(colon < 0 ? word : word.slice(0, colon));
    if (written === undefined || (written.kind === "scalar" && colon >= 0)) {
      return fail(at, `"${word}" is not a factor such as v:n, vᵀ or A:n×m`);
    }
    if (written.kind === "scalar") {
      factors.push(scalar(written.value));
      continue;
    }
    const { name } = written;
    let base = defined.get(name);
    if (colon >= 0) {
      const dims = readSizes(word.slice(colon + 1));
      if (dims === undefined)
        return fail(at + colon + 1, "sizes are n, m or whole numbers: v:n or A:n×m");
      const sized = dims.length === 1 ? vector(name, dims[0]!) : matrix(name, dims[0]!, dims[1]!);
      if (base && !(base.rows.equals(sized.rows) && base.cols.equals(sized.cols))) {
        return fail(at, `${name} was already given another size`);
      }
      base = sized;
      defined.set(name, sized);
    }
    if (base === undefined)
      return fail(at, `give ${name}'s size the first time it appears, e.g. ${name}:n`);
    factors.push(written.transposed ? transpose(base) : base);
  }
  if (factors.length < 2) return fail(text.length, "a chain needs at least two factors");
  try {
    return { ok: true, chain: chain(...factors) };
  } catch (error) {
    return fail(0, (error as Error).message);
  }
}
