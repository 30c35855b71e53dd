import type { GradingMath } from "./expr.js";

/** Floating-point value of a scalar formula at a point; NaN where it is not a scalar formula. */
export function evaluateScalar(expr: GradingMath, point: ReadonlyMap<string, number>): number {
  switch (expr.kind) {
    case "number":
      return expr.value;
    case "symbol":
      return point.get(expr.name) ?? Number.NaN;
    case "negate":
      return -evaluateScalar(expr.operand, point);
    case "binary": {
      const a = evaluateScalar(expr.left, point);
      const b = evaluateScalar(expr.right, point);
      switch (expr.op) {
        case "add":
          return a + b;
        case "subtract":
          return a - b;
        case "product":
          return a * b;
        case "divide":
          return a / b;
        case "power":
          return a ** b;
        default:
          return Number.NaN;
      }
    }
    case "call":
      return expr.fn === "bigO" ? evaluateScalar(expr.argument, point) : Number.NaN;
    default:
      return Number.NaN;
  }
}
