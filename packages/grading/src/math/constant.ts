import type { GradingMath } from "./expr.js";
import { MATH_LIMITS } from "./limits.js";

/** A number, vector or matrix a student wrote down, row-major. */
export interface NumericArray {
  /** [] for a scalar, [n] for a list, [rows, columns] for a matrix. */
  readonly shape: readonly number[];
  readonly data: readonly number[];
}

export type ConstantResult = { ok: true; value: NumericArray } | { ok: false; message: string };

/**
 * Evaluates a formula without names: numbers, fractions, matrices, and a scalar times a matrix
 * (`2\begin{pmatrix}…\end{pmatrix}`).
 */
export function evaluateConstant(expr: GradingMath): ConstantResult {
  switch (expr.kind) {
    case "number":
      return scalar(expr.value);
    case "array":
      return arrayLiteral(expr.items);
    case "negate":
      return map(evaluateConstant(expr.operand), (a) => elementwise(a, (x) => -x));
    case "transpose":
      return map(evaluateConstant(expr.operand), transpose);
    case "binary":
      return binary(expr.op, evaluateConstant(expr.left), evaluateConstant(expr.right));
    default:
      return { ok: false, message: "expected numbers only" };
  }
}

function scalar(value: number): ConstantResult {
  return { ok: true, value: { shape: [], data: [value] } };
}

function map(
  result: ConstantResult,
  f: (a: NumericArray) => ConstantResult | NumericArray,
): ConstantResult {
  if (!result.ok) return result;
  const mapped = f(result.value);
  return "ok" in mapped ? mapped : { ok: true, value: mapped };
}

function elementwise(a: NumericArray, f: (x: number) => number): NumericArray {
  return { shape: a.shape, data: a.data.map(f) };
}

function transpose(a: NumericArray): ConstantResult {
  if (a.shape.length === 0) return { ok: true, value: a };
  const [rows, columns] = a.shape.length === 1 ? [a.shape[0]!, 1] : [a.shape[0]!, a.shape[1]!];
  const data: number[] = [];
  for (let c = 0; c < columns; c++)
    for (let r = 0; r < rows; r++) data.push(a.data[r * columns + c]!);
  return { ok: true, value: { shape: [columns, rows], data } };
}

function arrayLiteral(items: readonly GradingMath[]): ConstantResult {
  const values: NumericArray[] = [];
  for (const item of items) {
    const value = evaluateConstant(item);
    if (!value.ok) return value;
    values.push(value.value);
  }
  if (values.length === 0) return { ok: false, message: "an empty list" };
  const inner = values[0]!.shape;
  if (inner.length > 1)
    return { ok: false, message: "at most two dimensions (a matrix) are supported" };
  if (values.some((v) => v.shape.length !== inner.length || v.shape[0] !== inner[0])) {
    return { ok: false, message: "the rows of a matrix must all have the same length" };
  }
  const shape = [values.length, ...inner];
  if (shape.reduce((a, b) => a * b, 1) > MATH_LIMITS.maxEntries) {
    return { ok: false, message: `more than ${MATH_LIMITS.maxEntries} entries` };
  }
  return { ok: true, value: { shape, data: values.flatMap((v) => v.data) } };
}

function binary(
  op: Extract<GradingMath, { kind: "binary" }>["op"],
  left: ConstantResult,
  right: ConstantResult,
): ConstantResult {
  if (!left.ok) return left;
  if (!right.ok) return right;
  const a = left.value;
  const b = right.value;
  if (op === "power") {
    if (a.shape.length > 0 || b.shape.length > 0)
      return { ok: false, message: "only numbers can be raised to a power" };
    if (Math.abs(b.data[0]!) > MATH_LIMITS.maxExponent) {
      return { ok: false, message: `an exponent larger than ${MATH_LIMITS.maxExponent}` };
    }
    return scalar(a.data[0]! ** b.data[0]!);
  }
  const f = OPERATIONS[op];
  if (a.shape.length === 0) return { ok: true, value: elementwise(b, (y) => f(a.data[0]!, y)) };
  if (b.shape.length === 0) return { ok: true, value: elementwise(a, (x) => f(x, b.data[0]!)) };
  if (op === "product" || op === "divide") {
    return { ok: false, message: "a product of two matrices is not a plain numeric answer" };
  }
  if (a.shape.join("x") !== b.shape.join("x"))
    return { ok: false, message: "matrices of different shapes" };
  return { ok: true, value: { shape: a.shape, data: a.data.map((x, i) => f(x, b.data[i]!)) } };
}

const OPERATIONS: Readonly<
  Record<
    Exclude<Extract<GradingMath, { kind: "binary" }>["op"], "power">,
    (x: number, y: number) => number
  >
> = {
  add: (x, y) => x + y,
  subtract: (x, y) => x - y,
  product: (x, y) => x * y,
  hadamard: (x, y) => x * y,
  divide: (x, y) => x / y,
  hadamardDivide: (x, y) => x / y,
};
