import type { GradingMath } from "./expr.js";

/** `x_bar = W1^T z1_bar` → `W1^T z1_bar`; an expression without `=` is already a right-hand side. */
export function withoutLeftHandSide(expr: GradingMath, adjoint: string): GradingMath | undefined {
  if (expr.kind !== "compare") return expr;
  const { left } = expr;
  return expr.op === "=" && left.kind === "symbol" && left.name === adjoint
    ? expr.right
    : undefined;
}
