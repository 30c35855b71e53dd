import type { Polynomial } from "@nnkit/cost";
import { GradingError } from "../errors.js";
import { evaluateScalar } from "../math/evaluate-scalar.js";
import type { GradingMath } from "../math/expr.js";
import { samplePoints } from "./sample-points.js";

/**
 * Evaluates the student's formula as written and its exact normal form at seeded random points: they
 * must agree, or the conversion to normal form is wrong (a bug here, never the student's fault).
 */
export function crossCheckPolynomial(
  expr: GradingMath,
  polynomial: Polynomial,
  symbols: readonly string[],
  seed: number,
): void {
  const inner = expr.kind === "call" ? expr.argument : expr;
  for (const point of samplePoints(symbols, 8, seed, 1, 40)) {
    const direct = evaluateScalar(inner, point);
    const normal = polynomial.evaluateNumber(point);
    if (!(Math.abs(direct - normal) <= 1e-9 * Math.max(1, Math.abs(normal)))) {
      throw new GradingError(
        "crossCheckPolynomial",
        "invariant",
        `normal form ${polynomial} disagrees with the formula at ${[...point]}`,
      );
    }
  }
}
