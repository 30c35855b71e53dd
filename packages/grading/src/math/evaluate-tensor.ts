import {
  add,
  allclose,
  div,
  eq,
  exp,
  eye,
  ge,
  gt,
  inv,
  le,
  log,
  lt,
  matmul,
  max,
  maximum,
  mul,
  ne,
  neg,
  pow,
  reshape,
  sigmoid,
  sqrt,
  sub,
  sum,
  type Tensor,
  TensorError,
  tanh,
  tensor,
  transpose,
} from "@nnkit/tensor";
import { evaluateConstant } from "./constant.js";
import { type CompareOp, type FunctionName, formatExpr, type GradingMath } from "./expr.js";
import { MATH_LIMITS } from "./limits.js";

export type TensorResult =
  | { readonly ok: true; readonly value: Tensor }
  | { readonly ok: false; readonly message: string };

/** Values of the names a formula may use; vectors are columns (n×1), scalars have shape []. */
export interface TensorEnvironment {
  readonly values: ReadonlyMap<string, Tensor>;
  /** Length of onehot(t) (the number of classes); t holds a 1-based class. */
  readonly classes?: number;
}

class EvaluationProblem extends Error {}

/**
 * Evaluates a tensor formula. A product (juxtaposition, `*`, `\cdot`) of two non-scalars is a
 * matrix product and scaling otherwise; `+`, `−`, `⊙`, `⊘` need equal shapes (or a scalar side), so
 * a column plus a row is an error rather than a silent broadcast.
 */
export function evaluateTensor(expr: GradingMath, environment: TensorEnvironment): TensorResult {
  try {
    return { ok: true, value: new Evaluator(environment).evaluate(expr) };
  } catch (error) {
    if (error instanceof EvaluationProblem || error instanceof TensorError) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}

function isScalar(t: Tensor): boolean {
  return t.size === 1;
}

function describeShape(t: Tensor): string {
  return t.shape.length === 0 ? "a scalar" : t.shape.join("×");
}

class Evaluator {
  constructor(private readonly environment: TensorEnvironment) {}

  evaluate(expr: GradingMath): Tensor {
    switch (expr.kind) {
      case "number":
        return tensor(expr.value);
      case "symbol": {
        const value = this.environment.values.get(expr.name);
        if (value === undefined) throw new EvaluationProblem(`'${expr.name}' has no value here`);
        return value;
      }
      case "array": {
        const constant = evaluateConstant(expr);
        if (!constant.ok) throw new EvaluationProblem(constant.message);
        return tensor([...constant.value.data], { shape: [...constant.value.shape] });
      }
      case "negate":
        return neg(this.evaluate(expr.operand));
      case "transpose":
        return this.transpose(this.evaluate(expr.operand));
      case "binary":
        return this.binary(expr);
      case "call":
        return this.call(expr.fn, expr.argument);
      case "compare":
        return this.compare(expr.op, this.evaluate(expr.left), this.evaluate(expr.right));
    }
  }

  private transpose(t: Tensor): Tensor {
    if (t.rank === 0) return t;
    if (t.rank === 1) return reshape(t, [1, t.size]);
    return transpose(t);
  }

  private binary(expr: Extract<GradingMath, { kind: "binary" }>): Tensor {
    const a = this.evaluate(expr.left);
    if (expr.op === "power") return this.power(a, expr);
    const b = this.evaluate(expr.right);
    // Only an error message needs the formula written out.
    const where = () => `in ${formatExpr(expr)}`;
    switch (expr.op) {
      case "product":
        if (isScalar(a) || isScalar(b)) return mul(a, b);
        if (a.shape[1] !== b.shape[0]) {
          throw new EvaluationProblem(
            `a product of ${describeShape(a)} and ${describeShape(b)} does not fit (${where()})`,
          );
        }
        return matmul(a, b);
      case "add":
        return add(...this.sameShape(a, b, "+", where));
      case "subtract":
        return sub(...this.sameShape(a, b, "−", where));
      case "hadamard":
        return mul(...this.sameShape(a, b, "⊙", where));
      case "divide":
      case "hadamardDivide":
        return div(...this.sameShape(a, b, "/", where));
    }
  }

  private sameShape(a: Tensor, b: Tensor, op: string, where: () => string): [Tensor, Tensor] {
    if (isScalar(a) || isScalar(b) || a.shape.join("x") === b.shape.join("x")) return [a, b];
    throw new EvaluationProblem(
      `${describeShape(a)} ${op} ${describeShape(b)}: the shapes differ (${where()})`,
    );
  }

  /**
   * A scalar power; an elementwise power of a vector (by a number or a same-shape vector, as in
   * `(1 + exp(-z))^2`); and ^{-1}, the inverse, of a square matrix. A matrix to another power is
   * refused: A^2 could mean AA or A ⊙ A.
   */
  private power(base: Tensor, expr: Extract<GradingMath, { kind: "binary" }>): Tensor {
    const exponent = this.evaluate(expr.right);
    const elementwise = isVector(base) && !isScalar(base);
    if (!isScalar(exponent) && !elementwise)
      throw new EvaluationProblem(`the exponent must be a number (in ${formatExpr(expr)})`);
    const largest = Math.max(...[...exponent.toTypedArray()].map(Math.abs));
    if (largest > MATH_LIMITS.maxExponent) {
      const shown = isScalar(exponent) ? exponent.item() : largest;
      throw new EvaluationProblem(
        `the exponent ${shown} is too large (at most ${MATH_LIMITS.maxExponent})`,
      );
    }
    if (isScalar(base)) return pow(base, exponent.item());
    // A vector's power is elementwise, as in (1 + exp(-z))^2; by a number or a same-shape vector.
    if (elementwise)
      return pow(...this.sameShape(base, exponent, "^", () => `in ${formatExpr(expr)}`));
    if (exponent.item() === -1) return invertible(base, formatExpr(expr.left));
    throw new EvaluationProblem(`only ^T and ^{-1} apply to a matrix (in ${formatExpr(expr)})`);
  }

  private compare(op: CompareOp, a: Tensor, b: Tensor): Tensor {
    const [x, y] = this.sameShape(a, b, op, () => "in a comparison");
    const result = { ">": gt, "<": lt, ">=": ge, "<=": le, "=": eq, "!=": ne }[op](x, y);
    return result.astype("float64");
  }

  private call(fn: FunctionName, argument: GradingMath): Tensor {
    const x = this.evaluate(argument);
    switch (fn) {
      case "relu":
        return maximum(x, 0);
      case "relu'":
        return gt(x, 0).astype("float64");
      case "sigmoid":
        return sigmoid(x);
      case "sigmoid'": {
        const s = sigmoid(x);
        return mul(s, sub(1, s));
      }
      case "softmax":
        return softmax(x);
      case "softmax'": {
        const s = softmax(x);
        return sub(diagonal(s), matmul(s, transpose(s)));
      }
      case "tanh":
        return tanh(x);
      case "tanh'":
        return sub(1, mul(tanh(x), tanh(x)));
      case "sum":
        return sum(x);
      case "exp":
        return exp(x);
      case "log":
        return log(x);
      case "sqrt":
        return sqrt(x);
      case "onehot":
        return this.onehot(x);
      case "diag":
        return isVector(x) ? diagonal(x) : diagonalOf(x);
      case "inverse":
        return invertible(x, formatExpr(argument));
      case "indicator":
        if (argument.kind !== "compare") {
          throw new EvaluationProblem(
            `I(…) needs a comparison such as I(z1 > 0), not I(${formatExpr(argument)})`,
          );
        }
        return x;
      case "bigO":
        throw new EvaluationProblem("O(…) is not a tensor");
    }
  }

  private onehot(t: Tensor): Tensor {
    const classes = this.environment.classes;
    if (classes === undefined) throw new EvaluationProblem("onehot needs a number of classes");
    const k = isScalar(t) ? t.item() : Number.NaN;
    if (!Number.isInteger(k) || k < 1 || k > classes)
      throw new EvaluationProblem("onehot needs a class 1..N");
    const data = new Array<number>(classes).fill(0);
    data[k - 1] = 1;
    return tensor(data, { shape: [classes, 1] });
  }
}

/**
 * The inverse, refusing matrices that are singular in all but rounding: LU on XᵀX of rank n < d
 * "succeeds" with huge entries, so the product with the matrix is checked against the identity.
 */
const SINGULAR: ReadonlySet<string> = new Set(["singular", "numerically-singular"]);

function invertible(a: Tensor, written: string): Tensor {
  // Said in the student's terms, before the tensor library's "inv: needs square matrices …".
  if (a.rank !== 2 || a.shape[0] !== a.shape[1])
    throw new EvaluationProblem(
      `${written} is ${describeShape(a)} and not square, so it has no inverse`,
    );
  let inverse: Tensor;
  try {
    inverse = inv(a);
  } catch (error) {
    // The library tells exact from numerical singularity; to the student both mean "no inverse".
    if (error instanceof TensorError && SINGULAR.has(error.code))
      throw new EvaluationProblem(`${written} is singular, so it has no inverse`);
    throw error;
  }
  const n = a.shape[0]!;
  if (!allclose(matmul(a, inverse), eye(n), { rtol: 0, atol: 1e-6 })) {
    throw new EvaluationProblem(`${written} is singular, so it has no inverse`);
  }
  return inverse;
}

/** softmax of a column, stabilised by its maximum. */
function softmax(x: Tensor): Tensor {
  const e = exp(sub(x, max(x)));
  return div(e, sum(e));
}

function isVector(t: Tensor): boolean {
  return t.shape.filter((d) => d !== 1).length <= 1;
}

/** diag(square matrix) is the column of its diagonal entries. */
function diagonalOf(a: Tensor): Tensor {
  const [rows, columns] = a.shape;
  if (a.rank !== 2 || rows !== columns)
    throw new EvaluationProblem(`diag needs a vector or a square matrix, not ${describeShape(a)}`);
  return tensor(
    Array.from({ length: rows! }, (_, i) => a.get(i, i)),
    { shape: [rows!, 1] },
  );
}

/** diag(column) is the square matrix with it on the diagonal. */
function diagonal(x: Tensor): Tensor {
  const n = x.size;
  const values = x.toTypedArray();
  const data = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) data[i * n + i] = values[i]!;
  return tensor(data, { shape: [n, n] });
}
