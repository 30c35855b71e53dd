import type { Tensor } from "@nnkit/tensor";
import type { AnswerValue } from "../answers/answer-value.js";
import { readMapping, readText } from "../answers/read-values.js";
import { evaluateTensor, type TensorEnvironment } from "../math/evaluate-tensor.js";
import type { Expr } from "../math/expr.js";
import { describeMathError } from "../math/math-error.js";
import { parseMath } from "../math/parse-math.js";
import { type Check, type CheckContext, graded, invalid } from "./check.js";
import { compareTensors } from "./expression-check.js";
import { perContext } from "./per-context.js";

/** One random instance of the network: every forward value and every reference adjoint, by symbol. */
export interface BackpropInstance {
  readonly forward: ReadonlyMap<string, Tensor>;
  readonly adjoints: ReadonlyMap<string, Tensor>;
  readonly classes: number;
}

export interface BackpropCheckOptions {
  /** Adjoint symbols in backward order (`J_bar` first), each a key of the answer. */
  readonly adjoints: readonly string[];
  /** Other keys accepted for an adjoint, e.g. `yp_bar` for `y'_bar`. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Names an equation may use besides the adjoints (forward values, weights, t). */
  readonly forwardSymbols: readonly string[];
  /** The adjoint also checked as a chain of the student's own equations (`x_bar`). */
  readonly chainTarget: string;
  /** Reference instances, a function of the context only: they are computed once per context. */
  readonly instances: (context: CheckContext) => readonly BackpropInstance[];
}

/**
 * Checks backprop equations one at a time: each right-hand side is evaluated with the reference
 * values of every variable in it and compared with the reference adjoint, so one mistake costs one
 * equation. The chain target is then computed from the student's own equations alone.
 */
export function backpropCheck(options: BackpropCheckOptions): Check {
  const symbols = [...options.forwardSymbols, ...options.adjoints];
  const instancesIn = perContext(options.instances);
  return {
    kind: "backprop",
    grade(answer, context) {
      const equations = readEquations(answer, options, symbols);
      if (!equations.ok) return invalid(equations.message);
      const instances = instancesIn(context);
      // Every equation is evaluated with the reference values: build their environments once.
      const references = instances.map((instance) => ({
        instance,
        environment: environment(instance, instance.adjoints),
      }));
      const lines: string[] = [];
      let right = 0;
      for (const adjoint of options.adjoints) {
        const expr = equations.value.get(adjoint);
        const verdict = expr === undefined ? "missing" : judgeEquation(expr, adjoint, references);
        if (verdict === "correct") right++;
        lines.push(`${adjoint}: ${verdict}`);
      }
      const chain = judgeChain(equations.value, options, instances);
      if (chain === "correct") right++;
      lines.push(`${options.chainTarget} from your own equations: ${chain}`);
      return graded(right / (options.adjoints.length + 1), lines.join("\n"));
    },
  };
}

function readEquations(
  answer: AnswerValue,
  options: BackpropCheckOptions,
  symbols: readonly string[],
): { ok: true; value: Map<string, Expr> } | { ok: false; message: string } {
  const fields = readMapping(answer, "the answer");
  if (!fields.ok) return fields;
  const equations = new Map<string, Expr>();
  for (const [key, value] of fields.value) {
    const adjoint = options.aliases?.[key] ?? key;
    if (!options.adjoints.includes(adjoint)) {
      return {
        ok: false,
        message: `unknown key '${key}'; expected: ${options.adjoints.join(", ")}`,
      };
    }
    if (value.type === "null") continue;
    const text = readText(value, adjoint);
    if (!text.ok) return text;
    const parsed = parseMath(text.value, { symbols, kind: "tensor" });
    if (!parsed.ok) return { ok: false, message: `${adjoint}: ${describeMathError(parsed.error)}` };
    const rightHandSide = withoutLeftHandSide(parsed.expr, adjoint);
    if (rightHandSide === undefined) {
      return {
        ok: false,
        message: `${adjoint}: write the right-hand side (optionally after '${adjoint} =')`,
      };
    }
    equations.set(adjoint, rightHandSide);
  }
  return { ok: true, value: equations };
}

/** `x_bar = W1^T z1_bar` → `W1^T z1_bar`; an expression without `=` is already a right-hand side. */
function withoutLeftHandSide(expr: Expr, adjoint: string): Expr | undefined {
  if (expr.kind !== "compare") return expr;
  const { left } = expr;
  return expr.op === "=" && left.kind === "symbol" && left.name === adjoint
    ? expr.right
    : undefined;
}

function environment(
  instance: BackpropInstance,
  adjoints: ReadonlyMap<string, Tensor>,
): TensorEnvironment & { values: Map<string, Tensor> } {
  return { values: new Map([...instance.forward, ...adjoints]), classes: instance.classes };
}

function judgeEquation(
  expr: Expr,
  adjoint: string,
  references: readonly { instance: BackpropInstance; environment: TensorEnvironment }[],
): string {
  for (const { instance, environment } of references) {
    const value = evaluateTensor(expr, environment);
    if (!value.ok) return `cannot be evaluated: ${value.message}`;
    const reference = instance.adjoints.get(adjoint)!;
    const difference = compareTensors(value.value, reference, {});
    if (difference !== undefined) return `wrong: ${difference}`;
  }
  return "correct";
}

/** Evaluates the student's equations in dependency order, from their own adjoints only. */
function judgeChain(
  equations: ReadonlyMap<string, Expr>,
  options: BackpropCheckOptions,
  instances: readonly BackpropInstance[],
): string {
  for (const instance of instances) {
    const own = new Map<string, Tensor>();
    // The forward values with the student's adjoints so far, grown as they are computed.
    const known = environment(instance, own);
    let progress = true;
    while (progress && !own.has(options.chainTarget)) {
      progress = false;
      for (const [adjoint, expr] of equations) {
        if (own.has(adjoint)) continue;
        const value = evaluateTensor(expr, known);
        if (!value.ok) continue;
        own.set(adjoint, value.value);
        known.values.set(adjoint, value.value);
        progress = true;
      }
    }
    const target = own.get(options.chainTarget);
    if (target === undefined)
      return `cannot be computed (an equation it needs is missing or cannot be evaluated)`;
    const difference = compareTensors(target, instance.adjoints.get(options.chainTarget)!, {});
    if (difference !== undefined) return `wrong: ${difference}`;
  }
  return "correct";
}
