// A chain typed by the student, e.g. "2 v:n vᵀ" (2.2's H = 2vvᵀ) or "v:n vᵀ y1:n y2ᵀ:m": factors
// separated by spaces; a name's size is given once, for the untransposed factor (`v:n` is an
// n×1 vector, `A:n×m` a matrix); `ᵀ`, `^T` or `'` transposes; a number is a scalar factor.
// The chain itself (and its shape check) is @nnkit/cost's.
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
import type { FieldError } from "../../components/TextField.js";

export type ReadChain = { ok: true; chain: Chain } | { ok: false; error: FieldError };

/** Sizes are the screen's n and m, or whole numbers. */
const sizeWord = /^(n|m|\d+)$/;
const factorWord = /^([A-Za-z][A-Za-z0-9_]*)(ᵀ|\^T|')?(?::(.+))?$/;

function fail(position: number, message: string): ReadChain {
  return { ok: false, error: { position, message } };
}

function size(word: string): string | number {
  return /^\d+$/.test(word) ? Number(word) : word;
}

export function readChain(text: string): ReadChain {
  const defined = new Map<string, MatrixFactor>();
  const factors: Factor[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    const word = match[0];
    const at = match.index;
    if (/^\d+(\.\d+)?$/.test(word)) {
      factors.push(scalar(Number(word)));
      continue;
    }
    const parts = factorWord.exec(word);
    if (!parts) return fail(at, `"${word}" is not a factor such as v:n, vᵀ or A:n×m`);
    const [, name, transposed, sizes] = parts as unknown as [string, string, string?, string?];
    let base = defined.get(name!);
    if (sizes !== undefined) {
      const dims = sizes.split(/[×x*]/);
      const bad = dims.findIndex((d) => !sizeWord.test(d));
      if (dims.length > 2 || bad >= 0) {
        return fail(
          at + name!.length + (transposed?.length ?? 0) + 1,
          "sizes are n, m or whole numbers: v:n or A:n×m",
        );
      }
      const sized =
        dims.length === 1
          ? vector(name!, size(dims[0]!))
          : matrix(name!, size(dims[0]!), size(dims[1]!));
      if (base && !(base.rows.equals(sized.rows) && base.cols.equals(sized.cols))) {
        return fail(at, `${name} was already given another size`);
      }
      base = sized;
      defined.set(name!, sized);
    }
    if (base === undefined)
      return fail(at, `give ${name}'s size the first time it appears, e.g. ${name}:n`);
    factors.push(transposed ? transpose(base) : base);
  }
  if (factors.length < 2) return fail(text.length, "a chain needs at least two factors");
  try {
    return { ok: true, chain: chain(...factors) };
  } catch (error) {
    return fail(0, (error as Error).message);
  }
}
