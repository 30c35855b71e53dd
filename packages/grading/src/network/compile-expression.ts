import {
  add,
  div,
  exp,
  log,
  matmul,
  mul,
  neg,
  type Operand,
  onehot,
  pow,
  relu,
  reshape,
  sigmoid,
  softmax,
  sqrt,
  sub,
  sum,
  tanh,
  transpose,
  type Value,
} from "@nnkit/autodiff";
import { tensor } from "@nnkit/tensor";
import type { FunctionName, GradingMath } from "../math/expr.js";
import { NETWORK_LIMITS } from "./limits.js";
import {
  type Dim,
  describeShape,
  dimsOf,
  entriesOf,
  SCALAR,
  type StaticShape,
  sameShape,
} from "./shape.js";

/** A sub-expression whose shape is known: how to build it on @nnkit/autodiff values. */
export interface CompiledExpression {
  readonly shape: StaticShape;
  /** Multiplications it takes, its operands' included. */
  readonly work: number;
  /** A plain number for a constant (so that ops take it as a scalar, as NumPy would). */
  readonly build: (values: ReadonlyMap<string, Value>) => Operand;
}

/** What each name an equation may use stands for at that equation. */
export interface Scope {
  readonly shapes: ReadonlyMap<string, StaticShape>;
  /** Equations further down, by name, with their line: using one is "before its equation". */
  readonly later: ReadonlyMap<string, number>;
}

/** A problem in an expression: what is wrong, and where in the line (0-based). */
export class ExpressionProblem extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Functions a forward equation may apply, each keeping its argument's shape. */
const ELEMENTWISE: Partial<Record<FunctionName, (x: Value) => Value>> = {
  relu,
  sigmoid,
  tanh,
  exp,
  log,
  sqrt,
};
const SUPPORTED = [...Object.keys(ELEMENTWISE), "softmax", "sum", "onehot"].join(", ");

/**
 * Checks an expression's shapes and returns how to build it. Vectors are columns: `W x` is a
 * matrix times a column, `u^T v` a scalar, `u v^T` an outer product; `+ − ⊙ /` need equal shapes
 * or a scalar side.
 */
export function compileExpression(
  expr: GradingMath,
  scope: Scope,
  line: string,
): CompiledExpression {
  const compile = (node: GradingMath): CompiledExpression => {
    const written = () => line.slice(node.start, node.end);
    switch (node.kind) {
      case "number":
        return { shape: SCALAR, work: 0, build: () => node.value };
      case "symbol":
        return symbol(node.name, node.start, scope);
      case "negate": {
        const operand = numeric(compile(node.operand), node.operand, line);
        return {
          ...operand,
          build: (values) => {
            const x = operand.build(values);
            return typeof x === "number" ? -x : neg(x);
          },
        };
      }
      case "transpose":
        return transposed(numeric(compile(node.operand), node.operand, line));
      case "binary":
        return binary(node, compile, line);
      case "call":
        return call(node, compile, line);
      case "array":
        throw new ExpressionProblem(
          `${written()}: a matrix written out is not supported; make it a parameter`,
          node.start,
        );
      case "compare":
        throw new ExpressionProblem(
          `${written()}: a comparison is not a forward computation`,
          node.start,
        );
    }
  };
  return compile(expr);
}

function symbol(name: string, column: number, scope: Scope): CompiledExpression {
  const shape = scope.shapes.get(name);
  if (shape === undefined) {
    const line = scope.later.get(name);
    throw new ExpressionProblem(
      line === undefined
        ? `unknown name ${name}`
        : `${name} is used before its equation (line ${line})`,
      column,
    );
  }
  return { shape, work: 0, build: (values) => values.get(name)! };
}

/** A class label may only be onehot's argument. */
function numeric(
  compiled: CompiledExpression,
  node: GradingMath,
  line: string,
): CompiledExpression {
  if (compiled.shape.kind === "class") {
    const written = line.slice(node.start, node.end);
    throw new ExpressionProblem(
      `${written} is a class label; use it as onehot(${written})`,
      node.start,
    );
  }
  return compiled;
}

function transposed(operand: CompiledExpression): CompiledExpression {
  const { shape } = operand;
  const value = (values: ReadonlyMap<string, Value>) => asValue(operand.build(values));
  switch (shape.kind) {
    case "column":
      return {
        shape: { kind: "row", columns: shape.rows },
        work: operand.work,
        build: (values) => reshape(value(values), [1, shape.rows.size]),
      };
    case "row":
      return {
        shape: { kind: "column", rows: shape.columns },
        work: operand.work,
        build: (values) => reshape(value(values), [shape.columns.size]),
      };
    case "matrix":
      return {
        shape: { kind: "matrix", rows: shape.columns, columns: shape.rows },
        work: operand.work,
        build: (values) => transpose(value(values)),
      };
    default:
      return operand;
  }
}

type Binary = Extract<GradingMath, { kind: "binary" }>;

function binary(
  node: Binary,
  compile: (node: GradingMath) => CompiledExpression,
  line: string,
): CompiledExpression {
  const left = numeric(compile(node.left), node.left, line);
  const right = numeric(compile(node.right), node.right, line);
  const written = (n: GradingMath) => line.slice(n.start, n.end);
  const where = `${written(node)}: ${written(node.left)} ${describeShape(left.shape)} but ${written(node.right)} ${describeShape(right.shape)}`;
  const scalarSide = left.shape.kind === "scalar" || right.shape.kind === "scalar";
  if (node.op === "product" && !scalarSide) {
    return matrixProduct(left, right, { written: written(node), where, column: node.start });
  }
  if (node.op === "power") {
    if (node.right.kind !== "number") {
      throw new ExpressionProblem(
        `${written(node)}: the exponent must be a number (powers are elementwise)`,
        node.right.start,
      );
    }
    const exponent = node.right.value;
    return elementwise(left, right, left.shape, (a) => pow(a, exponent));
  }
  if (!scalarSide && !sameShape(left.shape, right.shape)) {
    throw new ExpressionProblem(where, node.start);
  }
  const shape = left.shape.kind === "scalar" ? right.shape : left.shape;
  const op = { product: mul, hadamard: mul, add, subtract: sub, divide: div, hadamardDivide: div }[
    node.op
  ];
  return elementwise(left, right, shape, (a, b) => op(a, b));
}

function elementwise(
  left: CompiledExpression,
  right: CompiledExpression,
  shape: StaticShape,
  op: (a: Value, b: Operand) => Value,
): CompiledExpression {
  return {
    shape,
    work: left.work + right.work + entriesOf(shape),
    // Of two numbers (½ in `(1/2) sum(…)`), the first becomes a constant tensor.
    build: (values) => op(asValue(left.build(values)), right.build(values)),
  };
}

/** A number as a constant scalar tensor, for the ops that need one value operand. */
function asValue(operand: Operand): Value {
  return typeof operand === "number" ? tensor(operand) : operand;
}

/** The matrix product of two non-scalars under the column convention. */
function matrixProduct(
  left: CompiledExpression,
  right: CompiledExpression,
  at: { written: string; where: string; column: number },
): CompiledExpression {
  const { written, where, column } = at;
  const [rows, inner] = dimsOf(left.shape);
  const [innerRight, columns] = dimsOf(right.shape);
  if (inner.size !== innerRight.size) throw new ExpressionProblem(where, column);
  const shape = productShape(left.shape, right.shape, rows, columns);
  // A column on the left of a product is an n×1 matrix (in u vᵀ); a row times a column is 1-element.
  const asMatrix = (compiled: CompiledExpression, values: ReadonlyMap<string, Value>) => {
    const value = asValue(compiled.build(values));
    return compiled.shape.kind === "column"
      ? reshape(value, [dimsOf(compiled.shape)[0].size, 1])
      : value;
  };
  const entries = rows.size * columns.size;
  if (entries > NETWORK_LIMITS.maxEntries) {
    throw new ExpressionProblem(
      `${written} would have ${entries} entries (at most ${NETWORK_LIMITS.maxEntries})`,
      column,
    );
  }
  return {
    shape,
    work: left.work + right.work + rows.size * inner.size * columns.size,
    build: (values) => {
      const a = asMatrix(left, values);
      const b = asValue(right.build(values));
      const product = matmul(a, b);
      return shape.kind === "scalar" ? reshape(product, []) : product;
    },
  };
}

function productShape(left: StaticShape, right: StaticShape, rows: Dim, columns: Dim): StaticShape {
  if (left.kind === "row" && right.kind === "column") return SCALAR;
  if (right.kind === "column") return { kind: "column", rows };
  if (left.kind === "row") return { kind: "row", columns };
  return { kind: "matrix", rows, columns };
}

type Call = Extract<GradingMath, { kind: "call" }>;

function call(
  node: Call,
  compile: (node: GradingMath) => CompiledExpression,
  line: string,
): CompiledExpression {
  const written = line.slice(node.start, node.end);
  if (node.fn === "onehot") {
    const label = compile(node.argument);
    if (label.shape.kind !== "class") {
      throw new ExpressionProblem(
        `${written}: onehot takes a class label input`,
        node.argument.start,
      );
    }
    const classes = label.shape.classes;
    return {
      shape: { kind: "column", rows: classes },
      work: 0,
      build: (values) => onehot(asValue(label.build(values)), classes.size),
    };
  }
  const argument = numeric(compile(node.argument), node.argument, line);
  const x = (values: ReadonlyMap<string, Value>) => asValue(argument.build(values));
  const elementwiseFn = ELEMENTWISE[node.fn];
  if (elementwiseFn !== undefined) {
    return {
      shape: argument.shape,
      work: argument.work + entriesOf(argument.shape),
      build: (values) => elementwiseFn(x(values)),
    };
  }
  if (node.fn === "sum") {
    return {
      shape: SCALAR,
      work: argument.work + entriesOf(argument.shape),
      build: (values) => sum(x(values)),
    };
  }
  if (node.fn === "softmax") {
    const { kind } = argument.shape;
    if (kind !== "column" && kind !== "row") {
      throw new ExpressionProblem(
        `${written}: softmax needs a vector, but ${line.slice(node.argument.start, node.argument.end)} ${describeShape(argument.shape)}`,
        node.start,
      );
    }
    return {
      shape: argument.shape,
      work: argument.work + 2 * entriesOf(argument.shape),
      build: (values) => softmax(x(values)),
    };
  }
  throw new ExpressionProblem(
    `${written}: ${node.fn} is not supported in forward equations (supported: ${SUPPORTED})`,
    node.start,
  );
}
