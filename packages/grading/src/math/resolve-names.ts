import { FUNCTION_NAMES, FUNCTION_SPELLINGS, type FunctionName } from "./expr.js";

export type MathKind = "formula" | "condition" | "tensor";

/** What a name in the student's string stands for. */
export type Resolution =
  | { readonly type: "symbols"; readonly names: readonly string[] }
  | { readonly type: "function"; readonly fn: FunctionName }
  | { readonly type: "onehot"; readonly of: string }
  | { readonly type: "unknown" };

/** Functions each kind of formula may use. */
const ALLOWED_FUNCTIONS: Readonly<Record<MathKind, ReadonlySet<FunctionName>>> = {
  formula: new Set(["bigO"]),
  condition: new Set(),
  // Tensor expressions may use every function but big-O, which only makes sense in a cost.
  tensor: new Set(FUNCTION_NAMES.filter((fn) => fn !== "bigO")),
};

/** Lookups by symbol list: a check passes the same list for every answer it parses. */
const lookups = new WeakMap<
  readonly string[],
  { readonly written: string; readonly lookup: ReadonlyMap<string, string> }
>();

/** Each spelling a declared symbol may be written in (`yp` for `y'`), mapped to the symbol. */
function lookupOf(symbols: readonly string[]): ReadonlyMap<string, string> {
  // The list's text is compared too, so a caller that changes its array gets a fresh lookup.
  const written = symbols.join("\n");
  const known = lookups.get(symbols);
  if (known !== undefined && known.written === written) return known.lookup;
  const lookup = new Map<string, string>();
  for (const symbol of symbols) lookup.set(symbol.replace(/'/g, "p"), symbol);
  for (const symbol of symbols) lookup.set(symbol, symbol);
  lookups.set(symbols, { written, lookup });
  return lookup;
}

/**
 * Looks names up in the question's declared symbols. A declared `y'` is also reachable as `yp`, a
 * subscript `z_1` as `z1`; a run of declared names such as `mn` is their product; `e_t` is onehot(t).
 */
export class NameResolver {
  readonly #lookup: ReadonlyMap<string, string>;

  constructor(
    readonly symbols: readonly string[],
    private readonly kind: MathKind,
  ) {
    this.#lookup = lookupOf(symbols);
  }

  resolve(raw: string): Resolution {
    const symbol = this.#symbol(raw);
    if (symbol !== undefined) return { type: "symbols", names: [symbol] };
    const fn = FUNCTION_SPELLINGS[raw.toLowerCase()];
    if (fn !== undefined && ALLOWED_FUNCTIONS[this.kind].has(fn)) {
      return { type: "function", fn };
    }
    const unit = /^e_(.+)$/.exec(raw);
    if (unit && this.kind === "tensor" && this.#symbol(unit[1]!) !== undefined) {
      return { type: "onehot", of: this.#symbol(unit[1]!)! };
    }
    const product = this.#splitIntoSymbols(raw);
    return product ? { type: "symbols", names: product } : { type: "unknown" };
  }

  /** Names a student may write, for "expected one of" messages. */
  expected(): string {
    const functions = [...ALLOWED_FUNCTIONS[this.kind]].map((fn) => (fn === "bigO" ? "O" : fn));
    const parts = [...this.symbols];
    if (functions.length > 0) parts.push(`functions ${functions.join(", ")}`);
    return parts.length > 0 ? parts.join(", ") : "no names (numbers only)";
  }

  #symbol(raw: string): string | undefined {
    return this.#lookup.get(raw) ?? this.#lookup.get(raw.replace(/_(\d)/g, "$1"));
  }

  /** Splits `mnm` into declared names (longest first, with backtracking), or undefined. */
  #splitIntoSymbols(raw: string): string[] | undefined {
    if (!/^[A-Za-z0-9]+$/.test(raw) || raw.length > 30) return undefined;
    const dead = new Set<number>();
    const split = (from: number): string[] | undefined => {
      if (from === raw.length) return [];
      if (dead.has(from)) return undefined;
      for (let to = raw.length; to > from; to--) {
        const symbol = this.#lookup.get(raw.slice(from, to));
        if (symbol === undefined) continue;
        const rest = split(to);
        if (rest) return [symbol, ...rest];
      }
      dead.add(from);
      return undefined;
    };
    const parts = split(0);
    return parts && parts.length > 1 ? parts : undefined;
  }
}
