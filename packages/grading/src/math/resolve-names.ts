import { DeclaredSymbols, type NameResolver, type Resolution } from "@nnkit/math";
import { FUNCTION_NAMES, FUNCTION_SPELLINGS, type FunctionName } from "./expr.js";

export type MathKind = "formula" | "condition" | "tensor";

/** Functions each kind of formula may use. */
const ALLOWED_FUNCTIONS: Readonly<Record<MathKind, ReadonlySet<FunctionName>>> = {
  formula: new Set(["bigO"]),
  condition: new Set(),
  // Tensor expressions may use every function but big-O, which only makes sense in a cost.
  tensor: new Set(FUNCTION_NAMES.filter((fn) => fn !== "bigO")),
};

/**
 * Names in a student's formula: @nnkit/math's rule for declared symbols (`yp` for `y'`, `z1` for
 * `z_1`, `mn` is m·n), the functions this kind of formula allows, and `e_t` as onehot(t).
 */
export class GradingNames implements NameResolver<FunctionName> {
  readonly #declared: DeclaredSymbols;

  constructor(
    readonly symbols: readonly string[],
    private readonly kind: MathKind,
  ) {
    this.#declared = new DeclaredSymbols(symbols);
  }

  resolve(raw: string): Resolution<FunctionName> {
    const symbol = this.#declared.symbol(raw);
    if (symbol !== undefined) return { type: "symbols", names: [symbol] };
    const fn = FUNCTION_SPELLINGS[raw.toLowerCase()];
    if (fn !== undefined && ALLOWED_FUNCTIONS[this.kind].has(fn)) {
      return { type: "function", fn };
    }
    const unit = /^e_(.+)$/.exec(raw);
    const unitOf = unit ? this.#declared.symbol(unit[1]!) : undefined;
    if (unitOf !== undefined && this.kind === "tensor") {
      return { type: "applied", fn: "onehot", of: unitOf };
    }
    const product = this.#declared.split(raw);
    return product ? { type: "symbols", names: product } : { type: "unknown" };
  }

  /** Names a student may write, for "expected one of" messages. */
  expected(): string {
    const functions = [...ALLOWED_FUNCTIONS[this.kind]].map((fn) => (fn === "bigO" ? "O" : fn));
    const parts = [...this.symbols];
    if (functions.length > 0) parts.push(`functions ${functions.join(", ")}`);
    return parts.length > 0 ? parts.join(", ") : "no names (numbers only)";
  }
}
