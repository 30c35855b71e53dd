import type { Tensor } from "@nnkit/tensor";
import type { AnswerValue } from "../answers/answer-value.js";
import { readMapping, readText } from "../answers/read-values.js";
import { evaluateTensor, type TensorEnvironment } from "../math/evaluate-tensor.js";
import type { Expr } from "../math/expr.js";
import type { MathError } from "../math/math-error.js";
import { parseMath } from "../math/parse-math.js";
import { type Check, type CheckContext, invalid, invalidMath, outcomeOf } from "./check.js";
import { acrossInstances, compareTensors } from "./expression-check.js";
import { namedFactor } from "./named-factor.js";
import type { Difference, Finding, Hint, OutcomeItem } from "./outcome.js";
import { perContext } from "./per-context.js";

/** One random instance of the network: every forward value and every reference adjoint, by symbol. */
export interface BackpropInstance {
  readonly forward: ReadonlyMap<string, Tensor>;
  readonly adjoints: ReadonlyMap<string, Tensor>;
  readonly classes?: number;
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
  /**
   * The weight that maps into each adjoint's variable, with its forward equation, e.g.
   * `y_bar: { weight: "W3", forward: "y = W3 g2 + b3" }`: a product that does not fit because it
   * uses another weight's transpose with that adjoint is named as the likely slip.
   */
  readonly weightInto?: Readonly<
    Record<string, { readonly weight: string; readonly forward: string }>
  >;
  /** The class-label input (`t`), so that a factor can be named as a class entry (`y'_t`). */
  readonly classLabel?: string;
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
      if (!equations.ok) {
        // Every unreadable equation is reported, each keyed by its adjoint.
        const items = equations.problems.flatMap(
          (problem) =>
            (problem.kind === "math"
              ? invalidMath(problem.error, problem.key)
              : invalid(problem.message, { key: problem.key ?? "" })
            ).items,
        );
        return { status: "invalid", items };
      }
      const instances = instancesIn(context);
      // Every equation is evaluated with the reference values: build their environments once.
      const references = instances.map((instance) => ({
        instance,
        environment: environment(instance, instance.adjoints),
      }));
      // Each equation and the chain earn an equal share.
      const share = 1 / (options.adjoints.length + 1);
      // An equation compared on random instances only is no proof: its agreement goes to a person.
      const sampled = { kind: "sampled", count: instances.length, of: "random instances" } as const;
      const judged = (key: string, finding: Finding, aspect?: "chain"): OutcomeItem => {
        const fields = { key, share, ...(aspect ? { aspect } : {}) };
        if (finding.kind !== "correct") return { ...fields, verdict: "wrong", earned: 0, finding };
        return {
          ...fields,
          verdict: "review",
          earned: 0,
          finding: { kind: "agrees" },
          scope: sampled,
        };
      };
      const items = options.adjoints.map((adjoint) => {
        const expr = equations.value.get(adjoint);
        if (expr === undefined) return judged(adjoint, { kind: "no-answer" });
        const { finding, values } = judgeEquation(expr, adjoint, references);
        const item = judged(adjoint, finding);
        const hint =
          finding.kind === "not-evaluable"
            ? weightSlip(expr, options)
            : finding.kind === "differs" && finding.difference.kind === "values"
              ? namedFactor(
                  values,
                  instances.map((i) => i.adjoints.get(adjoint)!),
                  instances,
                  options.classLabel,
                )
              : undefined;
        return hint === undefined ? item : { ...item, hint };
      });
      const chain = judgeChain(equations.value, options, instances);
      items.push(judged(options.chainTarget, chain, "chain"));
      return outcomeOf(items);
    },
  };
}

function readEquations(
  answer: AnswerValue,
  options: BackpropCheckOptions,
  symbols: readonly string[],
): { ok: true; value: Map<string, Expr> } | { ok: false; problems: EquationProblem[] } {
  const fields = readMapping(answer, "the answer");
  if (!fields.ok) return { ok: false, problems: [{ kind: "read", message: fields.message }] };
  const problems: EquationProblem[] = [];
  const equations = new Map<string, Expr>();
  for (const [key, value] of fields.value) {
    const adjoint = options.aliases?.[key] ?? key;
    if (!options.adjoints.includes(adjoint)) {
      const message = `unknown key '${key}'; expected: ${options.adjoints.join(", ")}`;
      return { ok: false, problems: [{ kind: "read", message }] };
    }
    if (value.type === "null") continue;
    const text = readText(value, adjoint);
    if (!text.ok) {
      problems.push({ kind: "read", message: text.message });
      continue;
    }
    const parsed = parseMath(text.value, { symbols, kind: "tensor" });
    if (!parsed.ok) {
      problems.push({ kind: "math", key: adjoint, error: parsed.error });
      continue;
    }
    const rightHandSide = withoutLeftHandSide(parsed.expr, adjoint);
    if (rightHandSide === undefined) {
      const message = `write the right-hand side (optionally after '${adjoint} =')`;
      problems.push({ kind: "read", key: adjoint, message });
      continue;
    }
    equations.set(adjoint, rightHandSide);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: equations };
}

/** Why the equations cannot be read, and which equation it is about when it is one. */
type EquationProblem =
  | { readonly kind: "read"; readonly message: string; readonly key?: string }
  | { readonly kind: "math"; readonly key: string; readonly error: MathError };

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

/** The verdict on one equation, with its value on each instance (when it could be evaluated). */
function judgeEquation(
  expr: Expr,
  adjoint: string,
  references: readonly { instance: BackpropInstance; environment: TensorEnvironment }[],
): { finding: Finding; values: Tensor[] } {
  const differences: (Difference | undefined)[] = [];
  const values: Tensor[] = [];
  for (const { instance, environment } of references) {
    const value = evaluateTensor(expr, environment);
    if (!value.ok) return { finding: { kind: "not-evaluable", message: value.message }, values };
    values.push(value.value);
    differences.push(compareTensors(value.value, instance.adjoints.get(adjoint)!, {}));
  }
  return { finding: verdictAcross(differences), values };
}

/**
 * "Wᵢᵀ ā" where ā's variable comes from Wⱼ (j ≠ i): the adjoint goes back through the weight that
 * made its variable, so a misfit product there is most likely the wrong weight.
 */
function weightSlip(expr: Expr, options: BackpropCheckOptions): Hint | undefined {
  const into = options.weightInto;
  if (into === undefined) return undefined;
  const visit = (node: Expr): Hint | undefined => {
    if (node.kind === "binary") {
      const { left, right } = node;
      if (
        node.op === "product" &&
        left.kind === "transpose" &&
        left.operand.kind === "symbol" &&
        right.kind === "symbol"
      ) {
        const expected = into[right.name];
        const used = left.operand.name;
        if (expected !== undefined && expected.weight !== used) {
          return {
            kind: "shape-slip",
            likely: `${expected.forward}, so ${right.name} goes back through ${expected.weight}ᵀ, not ${used}ᵀ`,
          };
        }
      }
      return visit(left) ?? visit(right);
    }
    if (node.kind === "negate" || node.kind === "transpose") return visit(node.operand);
    if (node.kind === "call") return visit(node.argument);
    return undefined;
  };
  return visit(expr);
}

/** Correct when every instance agreed; otherwise the difference all instances bear out. */
function verdictAcross(differences: readonly (Difference | undefined)[]): Finding {
  return differences.every((d) => d === undefined)
    ? { kind: "correct" }
    : { kind: "differs", difference: acrossInstances(differences) };
}

/** Evaluates the student's equations in dependency order, from their own adjoints only. */
function judgeChain(
  equations: ReadonlyMap<string, Expr>,
  options: BackpropCheckOptions,
  instances: readonly BackpropInstance[],
): Finding {
  const differences: (Difference | undefined)[] = [];
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
    if (target === undefined) return { kind: "chain-incomplete" };
    differences.push(compareTensors(target, instance.adjoints.get(options.chainTarget)!, {}));
  }
  return verdictAcross(differences);
}
