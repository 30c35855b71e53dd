import { CostError } from "./errors.js";
import { Polynomial } from "./polynomial.js";

/** A symbolic dimension as @nnkit/autodiff writes it: `sym("n")`. */
export interface SymbolLike {
  readonly kind: "symbol";
  readonly name: string;
}

/** A size: a non-negative integer, a variable name, an autodiff symbol, or a polynomial. */
export type SizeLike = number | string | SymbolLike | Polynomial;

/** Reads a size as a polynomial, refusing negative, fractional and non-finite numbers. */
export function toSize(size: SizeLike, op: string, what: string): Polynomial {
  if (size instanceof Polynomial) {
    if (size.isConstant()) return toSize(size.constantTerm().toNumber(), op, what);
    return size;
  }
  if (typeof size === "number") {
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new CostError(op, "size", `${what} is ${size}, not a non-negative integer`);
    }
    return Polynomial.constant(size);
  }
  if (typeof size === "string") return Polynomial.variable(size);
  if (size !== null && typeof size === "object" && size.kind === "symbol") {
    return Polynomial.variable(size.name);
  }
  throw new CostError(op, "size", `${what} is ${String(size)}, not a size`);
}
