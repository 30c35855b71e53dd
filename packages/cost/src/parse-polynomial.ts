import { parseMath, symbolResolver } from "@nnkit/math";
import { CostError } from "./errors.js";
import type { Polynomial } from "./polynomial.js";
import { type FromMathLimits, polynomialFromMath } from "./polynomial-from-math.js";

export interface ParsePolynomialOptions extends FromMathLimits {
  /**
   * The variables. With them, a run of declared names is their product (`3nm` is 3·n·m, as in
   * graded answers) and any other name is an error; without them every name is one variable as
   * written (`nm` is a variable called nm): @nnkit/math's one rule for names.
   */
  readonly variables?: readonly string[];
}

/**
 * Reads a polynomial written in plain or LaTeX math, e.g. `2*n^2 + n*m`, `(n + 1)(m - n)` or
 * `\frac{n(n+1)}{2}`, with @nnkit/math's parser. Division only by constants.
 */
export function parsePolynomial(
  text: string,
  op = "parsePolynomial",
  options: ParsePolynomialOptions = {},
): Polynomial {
  const parsed = parseMath(text, { names: symbolResolver(options.variables) });
  const fail = (detail: string): never => {
    throw new CostError(op, "argument", `${detail} in ${JSON.stringify(text)}`);
  };
  if (!parsed.ok) return fail(`${parsed.error.message} (at position ${parsed.error.position})`);
  const converted = polynomialFromMath(parsed.node, options);
  return converted.ok ? converted.value : fail(converted.message);
}
