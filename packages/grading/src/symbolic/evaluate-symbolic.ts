import { Rational } from "@nnkit/math";
import { type CompareOp, type FunctionName, formatExpr, type GradingMath } from "../math/expr.js";
import { describeMath } from "./describe-math.js";
import { RationalFunction, type SymbolicBudget, SymbolicLimit } from "./rational-function.js";
import {
  build,
  constantMatrix,
  entry,
  inverse,
  isScalar,
  map,
  matmul,
  product,
  type SymbolicMatrix,
  scalar,
  shapeText,
  total,
  transpose,
  zip,
} from "./symbolic-matrix.js";

/**
 * Values that are not rational functions of the entries, each an independent variable keyed by
 * what it is of: exp(yₖ), σ(z2ₖ), I(z1ₖ > 0). The same function of the same (canonical) argument
 * is the same atom, in the student's tree and the reference's alike. Treating atoms as
 * independent proves more than needed, never less: an identity over free atoms holds at every
 * value they take.
 */
export class Atoms {
  private constructor(
    private readonly limits: SymbolicBudget,
    private readonly byKey: Map<string, string>,
  ) {}

  static create(limits: SymbolicBudget): Atoms {
    return new Atoms(limits, new Map());
  }

  /** A copy to add an answer's own atoms to, leaving the reference's registry as it was. */
  fork(): Atoms {
    return new Atoms(this.limits, new Map(this.byKey));
  }

  /** The registry as text: each atom's name and what it stands for, in the order they came. */
  key(): string {
    return [...this.byKey].map(([key, name]) => `${name}=${key}`).join("; ");
  }

  of(kind: string, argument: RationalFunction): RationalFunction {
    const key = `${kind}(${argument.key()})`;
    let name = this.byKey.get(key);
    if (name === undefined) {
      name = `atom${this.byKey.size}`;
      this.byKey.set(key, name);
    }
    return RationalFunction.variable(name, this.limits);
  }
}

export interface SymbolicEnvironment {
  readonly values: ReadonlyMap<string, SymbolicMatrix>;
  /** Length of onehot(t); t's value is then its 1-based class, a constant. */
  readonly classes?: number;
  readonly atoms: Atoms;
  readonly limits: SymbolicBudget;
  /** What the result assumes to be defined ("XᵀX invertible"), added to as the tree is read. */
  readonly assumptions: Set<string>;
}

/**
 * The exact value of a tensor formula with symbolic entries, by the tensor evaluator's rules
 * (math/evaluate-tensor.ts: a product with a scalar side scales, +, −, ⊙, ⊘ need equal shapes or
 * a scalar side, ^{-1} inverts). Anything it cannot express exactly, or that runs over the budget,
 * throws {@link SymbolicLimit}.
 */
export function evaluateSymbolic(expr: GradingMath, env: SymbolicEnvironment): SymbolicMatrix {
  const { limits } = env;
  const one = () => RationalFunction.constant(Rational.ONE, limits);
  const visit = (node: GradingMath): SymbolicMatrix => {
    switch (node.kind) {
      case "number":
        return scalar(RationalFunction.constant(exactNumber(node.text, node.value), limits));
      case "symbol": {
        const value = env.values.get(node.name);
        if (value === undefined)
          throw new SymbolicLimit(`'${node.name}' has no value`, "unsupported");
        return value;
      }
      case "array":
        throw new SymbolicLimit("a written-out array", "unsupported");
      case "negate":
        return map(visit(node.operand), (x) => x.neg());
      case "transpose":
        return transpose(visit(node.operand));
      case "compare":
        throw new SymbolicLimit("a comparison outside I(…)", "unsupported");
      case "call":
        return call(node.fn, node.argument);
      case "binary":
        return binary(node);
    }
  };
  const binary = (node: Extract<GradingMath, { kind: "binary" }>): SymbolicMatrix => {
    const a = visit(node.left);
    if (node.op === "power") return power(a, node);
    const b = visit(node.right);
    switch (node.op) {
      case "product":
        return product(a, b, limits);
      case "add":
        return zip(a, b, (x, y) => x.add(y), "+");
      case "subtract":
        return zip(a, b, (x, y) => x.sub(y), "−");
      case "hadamard":
        return zip(a, b, (x, y) => x.mul(y), "⊙");
      case "divide":
      case "hadamardDivide":
        if (!isConstant(b)) env.assumptions.add(nonzero(node.right, b));
        return zip(a, b, (x, y) => x.div(y), "/");
    }
  };
  const power = (base: SymbolicMatrix, node: Extract<GradingMath, { kind: "binary" }>) => {
    const exponent = visit(node.right);
    const k = isScalar(exponent) ? entry(exponent, 0, 0).constantValue() : undefined;
    if (k === undefined || !k.isInteger()) {
      throw new SymbolicLimit(
        `the exponent in ${formatExpr(node)} (a whole number)`,
        "unsupported",
      );
    }
    const n = k.toNumber();
    const vector = base.rows === 1 || base.columns === 1;
    if (isScalar(base) || vector) {
      if (n < 0 && !isConstant(base)) env.assumptions.add(nonzero(node.left, base));
      return map(base, (x) => x.pow(n));
    }
    if (n !== -1) throw new SymbolicLimit(`only ^T and ^{-1} apply to a matrix`, "unsupported");
    env.assumptions.add(`${describeMath(node.left)} invertible`);
    return inverse(base, limits);
  };
  const elementwise = (kind: string, x: SymbolicMatrix) => map(x, (v) => env.atoms.of(kind, v));
  const sigmoid = (x: SymbolicMatrix) => elementwise("sigmoid", x);
  const softmax = (x: SymbolicMatrix) => {
    if (x.columns !== 1) throw new SymbolicLimit("softmax of a matrix", "unsupported");
    const e = elementwise("exp", x);
    const sum = total(e.entries, limits);
    return map(e, (v) => v.div(sum));
  };
  const call = (fn: FunctionName, argument: GradingMath): SymbolicMatrix => {
    if (fn === "indicator") return indicator(argument);
    const x = visit(argument);
    switch (fn) {
      // relu(u) = u ⊙ I(u > 0): kept as a product so relu and its derivative share one atom.
      case "relu":
        return zip(x, indicatorOf(">", x), (u, d) => u.mul(d), "⊙");
      case "relu'":
        return indicatorOf(">", x);
      case "sigmoid":
        return sigmoid(x);
      case "sigmoid'":
        return map(sigmoid(x), (s) => s.mul(one().sub(s)));
      case "tanh":
        return elementwise("tanh", x);
      case "tanh'":
        return map(elementwise("tanh", x), (t) => one().sub(t.mul(t)));
      case "exp":
      case "log":
      case "sqrt":
        return elementwise(fn, x);
      case "softmax":
        return softmax(x);
      case "softmax'": {
        // The Jacobian diag(s) − s sᵀ.
        const s = softmax(x);
        const outer = matmul(s, transpose(s), limits);
        return build(s.rows, s.rows, (i, j) =>
          i === j ? entry(s, i, 0).sub(entry(outer, i, j)) : entry(outer, i, j).neg(),
        );
      }
      case "sum":
        return scalar(total(x.entries, limits));
      case "onehot":
        return onehot(x);
      case "diag":
        return diag(x);
      case "inverse":
        env.assumptions.add(`${describeMath(argument)} invertible`);
        return inverse(x, limits);
      case "bigO":
        throw new SymbolicLimit("O(…) is not a tensor", "unsupported");
    }
  };
  const indicatorOf = (op: CompareOp, difference: SymbolicMatrix) =>
    map(difference, (v) => env.atoms.of(`I${op}`, v));
  const indicator = (argument: GradingMath): SymbolicMatrix => {
    if (argument.kind !== "compare")
      throw new SymbolicLimit("I(…) needs a comparison", "unsupported");
    const left = visit(argument.left);
    const right = visit(argument.right);
    // I(a < b) is I(b − a > 0): one atom for each way of writing the same condition.
    const flipped = { "<": ">", "<=": ">=" } as const;
    if (argument.op === "<" || argument.op === "<=") {
      return indicatorOf(
        flipped[argument.op],
        zip(right, left, (x, y) => x.sub(y), "−"),
      );
    }
    return indicatorOf(
      argument.op,
      zip(left, right, (x, y) => x.sub(y), "−"),
    );
  };
  const onehot = (t: SymbolicMatrix): SymbolicMatrix => {
    const classes = env.classes;
    const k = isScalar(t) ? entry(t, 0, 0).constantValue() : undefined;
    if (classes === undefined || k === undefined || !k.isInteger()) {
      throw new SymbolicLimit("onehot of something other than a class label", "unsupported");
    }
    return constantMatrix(classes, 1, (i) => (i + 1 === k.toNumber() ? 1 : 0), limits);
  };
  const diag = (x: SymbolicMatrix): SymbolicMatrix => {
    if (x.columns === 1 || x.rows === 1) {
      const n = x.entries.length;
      const zero = RationalFunction.constant(Rational.ZERO, limits);
      return build(n, n, (i, j) => (i === j ? (x.entries[i] ?? zero) : zero));
    }
    if (x.rows !== x.columns) throw new SymbolicLimit(`diag of ${shapeText(x)}`, "unsupported");
    return build(x.rows, 1, (i) => entry(x, i, i));
  };
  return visit(expr);
}

function isConstant(a: SymbolicMatrix): boolean {
  return a.entries.every((x) => x.constantValue() !== undefined);
}

function nonzero(written: GradingMath, value: SymbolicMatrix): string {
  return isScalar(value)
    ? `${describeMath(written)} ≠ 0`
    : `${describeMath(written)} nonzero entrywise`;
}

/** The number as written (0.1 is 1/10), or the parsed double where the digits do not read. */
function exactNumber(text: string, value: number): Rational {
  try {
    return Rational.parse(text);
  } catch {
    return Rational.fromNumber(value);
  }
}
