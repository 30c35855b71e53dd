// Formulas an assignment file writes (references, counts, equations), read with the same parser
// and course rules as students' answers; a mistake is an AssignmentSpecError at the formula.
import type { Polynomial } from "@nnkit/cost";
import type { Tensor } from "@nnkit/tensor";
import { evaluateTensor, type TensorEnvironment } from "../../math/evaluate-tensor.js";
import type { GradingMath } from "../../math/expr.js";
import { type MathKind, parseMath } from "../../math/parse-math.js";
import { toPolynomial } from "../../math/to-polynomial.js";
import type { SpecPath } from "../spec-error.js";
import { fail, readNonEmptyString } from "../yaml/schema.js";

/** A formula of the given kind over `symbols`. */
export function readFormula(
  value: unknown,
  path: SpecPath,
  symbols: readonly string[],
  kind: MathKind,
): GradingMath {
  const text = readNonEmptyString(value, path);
  const parsed = parseMath(text, { symbols, kind });
  if (!parsed.ok) {
    fail(path, `${parsed.error.message} at character ${parsed.error.position + 1} of "${text}"`);
  }
  return parsed.expr;
}

/** An exact count such as `n(n+1)/2`. */
export function readCount(value: unknown, path: SpecPath, symbols: readonly string[]): Polynomial {
  const converted = toPolynomial(readFormula(value, path, symbols, "formula"));
  if (!converted.ok) fail(path, converted.message);
  if (converted.bigO) fail(path, "give an exact count, not O(…)");
  return converted.polynomial;
}

/** The polynomial p with `left = right` ⇔ p = 0, for an equation such as `w1 + w2 = 3`. */
export function readEquation(
  value: unknown,
  path: SpecPath,
  symbols: readonly string[],
): Polynomial {
  const expr = readFormula(value, path, symbols, "condition");
  if (expr.kind !== "compare" || expr.op !== "=")
    fail(path, "expected an equation such as w1 + w2 = 3");
  const left = toPolynomial(expr.left);
  const right = toPolynomial(expr.right);
  if (!left.ok) fail(path, left.message);
  if (!right.ok) fail(path, right.message);
  return left.polynomial.sub(right.polynomial);
}

/** Evaluates a reference formula; a failure is the assignment's mistake, named at `path`. */
export function evaluateReference(
  expr: GradingMath,
  environment: TensorEnvironment,
  path: SpecPath,
): Tensor {
  const value = evaluateTensor(expr, environment);
  if (!value.ok) fail(path, `the reference cannot be computed: ${value.message}`);
  return value.value;
}
