import type { Tensor } from "@nnkit/tensor";
import type { AnswerValue } from "../answers/answer-value.js";
import { readMapping, readText } from "../answers/read-values.js";
import { evaluateTensor, type TensorEnvironment } from "../math/evaluate-tensor.js";
import type { GradingMath } from "../math/expr.js";
import type { MathError } from "../math/math-error.js";
import { parseMath } from "../math/parse-math.js";
import { withoutLeftHandSide } from "../math/right-hand-side.js";
import { evaluateSymbolic } from "../symbolic/evaluate-symbolic.js";
import { answerKey } from "../symbolic/proof-cache.js";
import {
  type IdentityVerdict,
  type PreparedReference,
  proveAgainst,
} from "../symbolic/prove-identity.js";
import { type SymbolicMatrix, sameValue } from "../symbolic/symbolic-matrix.js";
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
  /**
   * The adjoints by the chain rule with symbolic entries (built once, on first use), to prove an
   * equation that agreed on every instance; `domain` says what they cover. Without it such an
   * equation goes to a person.
   */
  readonly proof?: {
    readonly reference: () => PreparedReference | Extract<IdentityVerdict, { kind: "undecided" }>;
    readonly domain: string;
    readonly timeMs?: number;
  };
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
      const judged = (
        key: string,
        finding: Finding,
        prove: (reference: PreparedReference) => IdentityVerdict,
        /** What the verdict depends on besides the reference: the same key, the same verdict. */
        proofKey: string,
        aspect?: "chain",
      ): OutcomeItem => {
        const fields = { key, share, ...(aspect ? { aspect } : {}) };
        if (finding.kind !== "correct") return { ...fields, verdict: "wrong", earned: 0, finding };
        const proof = options.proof;
        const reference = proof?.reference();
        const verdict =
          reference === undefined || reference.kind === "undecided"
            ? reference
            : reference.proofs.verdict(proofKey, () => prove(reference));
        if (proof !== undefined && verdict?.kind === "equal") {
          const scope = {
            kind: "proof",
            domain: proof.domain,
            assumptions: verdict.assumptions,
          } as const;
          return { ...fields, verdict: "correct", earned: 1, finding, scope };
        }
        const note = verdict === undefined ? undefined : unprovedNote(verdict);
        const agrees: Finding = note === undefined ? { kind: "agrees" } : { kind: "agrees", note };
        return { ...fields, verdict: "review", earned: 0, finding: agrees, scope: sampled };
      };
      const timeMs = options.proof?.timeMs;
      const items = options.adjoints.map((adjoint) => {
        const expr = equations.value.get(adjoint);
        if (expr === undefined) return judged(adjoint, { kind: "no-answer" }, unused, "");
        const { finding, values } = judgeEquation(expr, adjoint, references);
        const item = judged(
          adjoint,
          finding,
          (reference) => proveAgainst(expr, reference, adjoint, timeMs),
          `${adjoint} = ${answerKey(expr)}`,
        );
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
      items.push(
        judged(
          options.chainTarget,
          chain,
          (reference) => proveChain(equations.value, reference, options, timeMs),
          chainKey(equations.value, options),
          "chain",
        ),
      );
      return outcomeOf(items);
    },
  };
}

const unused = (): IdentityVerdict => ({ kind: "different" });

/**
 * The chain's proof depends on every equation, in the order they are tried (the file's), and on
 * which names are adjoints (their reference values are dropped).
 */
function chainKey(
  equations: ReadonlyMap<string, GradingMath>,
  options: Pick<BackpropCheckOptions, "chainTarget" | "adjoints">,
): string {
  const written = [...equations].map(([adjoint, expr]) => `${adjoint} = ${answerKey(expr)}`);
  return `chain ${options.chainTarget} of ${options.adjoints.join(", ")}: ${written.join("; ")}`;
}

/** Why an equation that agreed on every instance was not proved, for its feedback. */
function unprovedNote(verdict: IdentityVerdict): string | undefined {
  if (verdict.kind === "equal") return undefined;
  if (verdict.kind === "different")
    return "it differs from the chain rule's adjoint as a formula in independent forward values";
  return verdict.reason === "budget"
    ? `the exact comparison stopped at its budget: ${verdict.message}`
    : `the exact comparison does not cover ${verdict.message}`;
}

/**
 * The chain target from the student's own equations, exactly: each case's forward values with
 * no reference adjoint, the equations evaluated in dependency order.
 */
function proveChain(
  equations: ReadonlyMap<string, GradingMath>,
  reference: PreparedReference,
  options: BackpropCheckOptions,
  timeMs: number | undefined,
): IdentityVerdict {
  const adjoints = new Set(options.adjoints);
  const cases = reference.cases.map((at) => {
    const values = new Map([...at.values].filter(([name]) => !adjoints.has(name)));
    return { ...at, values };
  });

  return proveAgainst(
    { kind: "symbol", name: options.chainTarget, start: 0, end: 0 },
    { ...reference, cases },
    options.chainTarget,
    timeMs,
    (env, at) => {
      const values = env.values as Map<string, SymbolicMatrix>;
      let progress = true;
      while (progress && !values.has(options.chainTarget)) {
        progress = false;
        for (const [adjoint, expr] of equations) {
          if (values.has(adjoint) || !usesOnly(expr, values, adjoints)) continue;
          // An own adjoint equal to the reference's goes on in the reference's (smaller) form:
          // the same function, so the chain's value is unchanged, and its terms stay few.
          const own = evaluateSymbolic(expr, env);
          const expected = at.expected.get(adjoint);
          values.set(adjoint, expected !== undefined && sameValue(own, expected) ? expected : own);
          progress = true;
        }
      }
    },
  );
}

/** Whether every adjoint an expression names already has a value. */
function usesOnly(
  expr: GradingMath,
  values: ReadonlyMap<string, unknown>,
  adjoints: ReadonlySet<string>,
): boolean {
  switch (expr.kind) {
    case "symbol":
      return !adjoints.has(expr.name) || values.has(expr.name);
    case "number":
      return true;
    case "array":
      return expr.items.every((item) => usesOnly(item, values, adjoints));
    case "negate":
    case "transpose":
      return usesOnly(expr.operand, values, adjoints);
    case "call":
      return usesOnly(expr.argument, values, adjoints);
    case "binary":
    case "compare":
      return usesOnly(expr.left, values, adjoints) && usesOnly(expr.right, values, adjoints);
  }
}

function readEquations(
  answer: AnswerValue,
  options: BackpropCheckOptions,
  symbols: readonly string[],
): { ok: true; value: Map<string, GradingMath> } | { ok: false; problems: EquationProblem[] } {
  const fields = readMapping(answer, "the answer");
  if (!fields.ok) return { ok: false, problems: [{ kind: "read", message: fields.message }] };
  const problems: EquationProblem[] = [];
  const equations = new Map<string, GradingMath>();
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

function environment(
  instance: BackpropInstance,
  adjoints: ReadonlyMap<string, Tensor>,
): TensorEnvironment & { values: Map<string, Tensor> } {
  return { values: new Map([...instance.forward, ...adjoints]), classes: instance.classes };
}

/** The verdict on one equation, with its value on each instance (when it could be evaluated). */
function judgeEquation(
  expr: GradingMath,
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
function weightSlip(expr: GradingMath, options: BackpropCheckOptions): Hint | undefined {
  const into = options.weightInto;
  if (into === undefined) return undefined;
  const visit = (node: GradingMath): Hint | undefined => {
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
  equations: ReadonlyMap<string, GradingMath>,
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
