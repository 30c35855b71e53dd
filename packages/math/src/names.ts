/** What a name in the formula stands for. */
export type Resolution<F extends string = string> =
  | { readonly type: "symbols"; readonly names: readonly string[] }
  | { readonly type: "function"; readonly fn: F }
  /** A name that is a function applied to a symbol, such as `e_t` for onehot(t). */
  | { readonly type: "applied"; readonly fn: F; readonly of: string }
  | { readonly type: "unknown" };

/** Decides what each name means; the parser asks it once per name, in order. */
export interface NameResolver<F extends string = string> {
  resolve(raw: string): Resolution<F>;
  /** Names a person may write, for "expected one of" messages. */
  expected(): string;
}

/**
 * The one rule for names: a name is a declared symbol (also reachable as `yp` for `y'`, `z1` for
 * `z_1`); otherwise a run of declared symbols is their product (`3mn` is 3·m·n when m and n are
 * declared, split longest first with backtracking); otherwise it is unknown. Without declared
 * symbols (`symbols` undefined) every name is one symbol as written, so `nm` is a single name.
 */
export class DeclaredSymbols {
  readonly #lookup: ReadonlyMap<string, string> | undefined;

  constructor(readonly symbols: readonly string[] | undefined) {
    this.#lookup = symbols === undefined ? undefined : lookupOf(symbols);
  }

  /** The declared symbol `raw` spells, if any (every name, when nothing is declared). */
  symbol(raw: string): string | undefined {
    if (this.#lookup === undefined) return raw;
    return this.#lookup.get(raw) ?? this.#lookup.get(raw.replace(/_(\d)/g, "$1"));
  }

  /** Splits `mnm` into two or more declared symbols, or undefined. */
  split(raw: string): string[] | undefined {
    const lookup = this.#lookup;
    if (lookup === undefined || !/^[A-Za-z0-9]+$/.test(raw) || raw.length > 30) return undefined;
    const dead = new Set<number>();
    const split = (from: number): string[] | undefined => {
      if (from === raw.length) return [];
      if (dead.has(from)) return undefined;
      for (let to = raw.length; to > from; to--) {
        const symbol = lookup.get(raw.slice(from, to));
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

/** Lookups by symbol list: a caller passes the same list for every formula it parses. */
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
 * A resolver from declared symbols and a table of function spellings (compared case-insensitively):
 * symbol first, then function, then a product of symbols.
 */
export function symbolResolver<F extends string = string>(
  symbols: readonly string[] | undefined,
  functions: Readonly<Record<string, F>> = {},
): NameResolver<F> {
  const declared = new DeclaredSymbols(symbols);
  return {
    resolve(raw) {
      const symbol = symbols === undefined ? undefined : declared.symbol(raw);
      if (symbol !== undefined) return { type: "symbols", names: [symbol] };
      const fn = functions[raw.toLowerCase()];
      if (fn !== undefined) return { type: "function", fn };
      if (symbols === undefined) return { type: "symbols", names: [raw] };
      const product = declared.split(raw);
      return product ? { type: "symbols", names: product } : { type: "unknown" };
    },
    expected() {
      const names = [...(symbols ?? [])];
      const fns = [...new Set(Object.values(functions))];
      if (fns.length > 0) names.push(`functions ${fns.join(", ")}`);
      return names.length > 0 ? names.join(", ") : "no names (numbers only)";
    },
  };
}
