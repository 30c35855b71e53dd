import { Rational } from "@nnkit/math";
import type { GradingMath } from "../math/expr.js";
import type { Network } from "../network/compile-network.js";
import { dimsOf } from "../network/shape.js";
import { type Atoms, evaluateSymbolic, type SymbolicEnvironment } from "./evaluate-symbolic.js";
import type { ReferenceTools, SymbolicCase } from "./prove-identity.js";
import { RationalFunction, SymbolicLimit } from "./rational-function.js";
import {
  build,
  entry,
  isScalar,
  map,
  matmul,
  type SymbolicMatrix,
  scalar,
  total,
  transpose,
  zip,
} from "./symbolic-matrix.js";

/**
 * The network's adjoints by the chain rule, exactly: its forward equations evaluated with every
 * parameter's and input's entries independent variables (non-rational functions as atoms:
 * h = relu(z1) = z1 ⊙ I(z1 > 0), g1 = σ(z2), y' = e/Σe with e = exp(y)), then reverse mode over
 * each equation's tree from the output's adjoint 1. One case per class of the class label (onehot
 * of a fixed class is a constant vector), so a proof in every case covers every label.
 */
export function backpropCases(
  network: Network,
  adjointKey: (variable: string) => string,
  tools: ReferenceTools,
): SymbolicCase[] {
  const free = new Map<string, SymbolicMatrix>();
  let label: string | undefined;
  for (const variable of [...network.parameters, ...network.inputs]) {
    if (variable.shape.kind === "class") {
      label = variable.name;
      continue;
    }
    const [rows, columns] = dimsOf(variable.shape);
    free.set(variable.name, tools.names.matrix(rows.size, columns.size));
  }
  const classes = label === undefined ? [undefined] : range(network.classes ?? 0);
  return classes.map((k) => {
    const values = new Map(free);
    if (label !== undefined && k !== undefined) values.set(label, constant(k, tools));
    const env = tools.environment(values, network.classes);
    for (const equation of network.equations) {
      values.set(equation.name, evaluateSymbolic(equation.expression, env));
    }
    const adjoints = reverse(network, env);
    const expected = new Map<string, SymbolicMatrix>();
    for (const [name, value] of adjoints) expected.set(adjointKey(name), value);
    // An equation may use every adjoint's reference value, as the sampled check does.
    for (const [key, value] of expected) values.set(key, value);
    return {
      values,
      expected,
      ...(network.classes === undefined ? {} : { classes: network.classes }),
    };
  });
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

function constant(value: number, tools: ReferenceTools): SymbolicMatrix {
  return scalar(RationalFunction.constant(Rational.of(value), tools.names.limits));
}

/** Every variable's adjoint (0 where the output does not depend on it), by reverse mode. */
function reverse(network: Network, env: SymbolicEnvironment): Map<string, SymbolicMatrix> {
  const adjoints = new Map<string, SymbolicMatrix>();
  const value = (node: GradingMath) => evaluateSymbolic(node, env);
  const one = () => RationalFunction.constant(Rational.ONE, env.limits);
  const accumulate = (name: string, ct: SymbolicMatrix): undefined => {
    const before = adjoints.get(name);
    adjoints.set(name, before === undefined ? ct : zip(before, ct, (a, b) => a.add(b), "+"));
    return undefined;
  };
  const output = env.values.get(network.output);
  if (output === undefined || !isScalar(output)) {
    throw new SymbolicLimit("the network's output is not a scalar", "unsupported");
  }
  adjoints.set(network.output, scalar(one()));
  const back = (node: GradingMath, ct: SymbolicMatrix): undefined => {
    switch (node.kind) {
      case "number":
        return;
      case "symbol":
        return accumulate(node.name, ct);
      case "negate":
        return back(
          node.operand,
          map(ct, (x) => x.neg()),
        );
      case "transpose":
        return back(node.operand, transpose(ct));
      case "binary":
        return binary(node, ct);
      case "call":
        return call(node.fn, node.argument, ct);
      default:
        throw new SymbolicLimit(`the chain rule through ${node.kind}`, "unsupported");
    }
  };
  const binary = (
    node: Extract<GradingMath, { kind: "binary" }>,
    ct: SymbolicMatrix,
  ): undefined => {
    const { left, right } = node;
    const a = value(left);
    const times = (x: SymbolicMatrix, y: SymbolicMatrix) => zip(x, y, (p, q) => p.mul(q), "⊙");
    switch (node.op) {
      case "add":
      case "subtract": {
        back(left, reduceTo(ct, a, env));
        const b = reduceTo(ct, value(right), env);
        return back(right, node.op === "add" ? b : map(b, (x) => x.neg()));
      }
      case "product": {
        const b = value(right);
        if (isScalar(a) || isScalar(b)) {
          back(left, reduceTo(times(ct, b), a, env));
          return back(right, reduceTo(times(ct, a), b, env));
        }
        back(left, matmul(ct, transpose(b), env.limits));
        return back(right, matmul(transpose(a), ct, env.limits));
      }
      case "hadamard": {
        const b = value(right);
        back(left, reduceTo(times(ct, b), a, env));
        return back(right, reduceTo(times(ct, a), b, env));
      }
      case "divide":
      case "hadamardDivide": {
        const b = value(right);
        back(
          left,
          reduceTo(
            zip(ct, b, (p, q) => p.div(q), "/"),
            a,
            env,
          ),
        );
        const db = zip(times(ct, a), b, (p, q) => p.div(q.mul(q)).neg(), "/");
        return back(right, reduceTo(db, b, env));
      }
      case "power": {
        // d(aⁿ) = n aⁿ⁻¹ da, entry by entry, for a whole-number n (as the forward pass allows).
        const exponent = value(right);
        const k = isScalar(exponent) ? entry(exponent, 0, 0).constantValue() : undefined;
        const vector = a.rows === 1 || a.columns === 1;
        if (k === undefined || !k.isInteger() || !(isScalar(a) || vector)) {
          throw new SymbolicLimit("the chain rule through a power", "unsupported");
        }
        const n = k.toNumber();
        const slope = map(a, (x) => x.pow(n - 1).mul(RationalFunction.constant(k, env.limits)));
        return back(left, times(ct, slope));
      }
    }
  };
  const call = (fn: string, argument: GradingMath, ct: SymbolicMatrix): undefined => {
    const u = value(argument);
    const atoms: Atoms = env.atoms;
    const times = (f: (x: RationalFunction) => RationalFunction): undefined =>
      back(
        argument,
        zip(ct, map(u, f), (p, q) => p.mul(q), "⊙"),
      );
    switch (fn) {
      case "relu":
        return times((x) => atoms.of("I>", x));
      case "sigmoid":
        return times((x) => {
          const s = atoms.of("sigmoid", x);
          return s.mul(one().sub(s));
        });
      case "tanh":
        return times((x) => {
          const t = atoms.of("tanh", x);
          return one().sub(t.mul(t));
        });
      case "exp":
        return times((x) => atoms.of("exp", x));
      case "log":
        return times((x) => one().div(x));
      case "softmax": {
        // softmax's Jacobian diag(s) − ssᵀ is symmetric: ū = s ⊙ (ct − sᵀct), s = e/Σe.
        const e = map(u, (x) => atoms.of("exp", x));
        const sum = total(e.entries, env.limits);
        const s = map(e, (x) => x.div(sum));
        const dot = total(
          s.entries.map((x, i) => x.mul(entry(ct, i, 0))),
          env.limits,
        );
        return back(
          argument,
          build(s.rows, 1, (i) => entry(s, i, 0).mul(entry(ct, i, 0).sub(dot))),
        );
      }
      case "sum":
        return back(
          argument,
          map(u, () => entry(ct, 0, 0)),
        );
      case "onehot":
        return;
      default:
        throw new SymbolicLimit(`the chain rule through ${fn}`, "unsupported");
    }
  };
  for (const equation of [...network.equations].reverse()) {
    const ct = adjoints.get(equation.name);
    if (ct !== undefined) back(equation.expression, ct);
  }
  // Variables the output does not depend on have adjoint 0.
  for (const [name, value] of env.values) {
    if (!adjoints.has(name))
      adjoints.set(
        name,
        map(value, () => RationalFunction.constant(Rational.ZERO, env.limits)),
      );
  }
  return adjoints;
}

/** A contribution to a scalar operand that was broadcast: the sum of its entries. */
function reduceTo(
  ct: SymbolicMatrix,
  operand: SymbolicMatrix,
  env: SymbolicEnvironment,
): SymbolicMatrix {
  return isScalar(operand) && !isScalar(ct) ? scalar(total(ct.entries, env.limits)) : ct;
}
