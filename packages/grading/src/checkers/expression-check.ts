import { allclose, type Tensor } from "@nnkit/tensor";
import { readText } from "../answers/read-values.js";
import { evaluateTensor, type TensorEnvironment } from "../math/evaluate-tensor.js";
import type { GradingMath } from "../math/expr.js";
import { parseMath } from "../math/parse-math.js";
import { evaluateSymbolic } from "../symbolic/evaluate-symbolic.js";
import { answerKey } from "../symbolic/proof-cache.js";
import { type ProveOptions, prepareReference, proveAgainst } from "../symbolic/prove-identity.js";
import { constantMatrix } from "../symbolic/symbolic-matrix.js";
import {
  type Check,
  type CheckContext,
  type CheckOutcome,
  graded,
  invalid,
  invalidMath,
} from "./check.js";
import type { Difference, Scope } from "./outcome.js";
import { perContext } from "./per-context.js";

/** One random instance: values for the names, and the reference value of the answer there. */
export interface ExpressionInstance {
  readonly environment: TensorEnvironment;
  readonly reference: Tensor;
}

/** What a proof quantifies over: every entry of each named matrix is an independent variable. */
export interface ExpressionDomain {
  /** Each varying name with its rows and columns (`X`: 6×3). */
  readonly matrices: readonly (readonly [string, readonly [number, number]])[];
  /** Names with a fixed value (the sizes `n`, `d`). */
  readonly constants: readonly (readonly [string, number])[];
}

export interface ExpressionCheckOptions {
  /** Names the formula may use. */
  readonly symbols: readonly string[];
  /**
   * Seeded random instances (e.g. full-rank X and t of the question's shapes), a function of the
   * context only: they are computed once per context.
   */
  readonly instances: (context: CheckContext) => readonly ExpressionInstance[];
  readonly rtol?: number;
  readonly atol?: number;
  /**
   * The reference formula and the domain to prove an agreement over: both formulas are evaluated
   * exactly, with symbolic entries, and compared as rational functions. Without it an agreement
   * on the instances goes to a person.
   */
  readonly proof?: { readonly reference: GradingMath; readonly domain: ExpressionDomain };
  /** Limits of a proof (terms, products, time), for the untrusted formula. */
  readonly proofBudget?: ProveOptions;
}

/**
 * Evaluates a formula (3.1's gradient, 3.2's ŵ) on seeded random instances and compares it with the
 * reference there: equal on every instance means equal as a function, whatever the written form.
 */
export function expressionCheck(options: ExpressionCheckOptions): Check {
  const instancesIn = perContext(options.instances);
  const reference =
    options.proof === undefined ? undefined : symbolicReference(options.proof, options.proofBudget);
  return {
    kind: "expression",
    grade(answer, context) {
      const text = readText(answer, "the answer");
      if (!text.ok) return invalid(text.message);
      const parsed = parseMath(text.value, { symbols: options.symbols, kind: "tensor" });
      if (!parsed.ok) return invalidMath(parsed.error);
      const instances = instancesIn(context);
      const differences: (Difference | undefined)[] = [];
      for (const instance of instances) {
        const value = evaluateTensor(parsed.expr, instance.environment);
        if (!value.ok) return graded(0, { kind: "not-evaluable", message: value.message });
        differences.push(compareTensors(value.value, instance.reference, options));
      }
      const first = differences.findIndex((d) => d !== undefined);
      if (first >= 0) {
        return graded(
          0,
          { kind: "differs", difference: acrossInstances(differences) },
          { counterexample: { kind: "instance", index: first + 1, count: instances.length } },
        );
      }
      const sampled = { kind: "sampled", count: instances.length, of: "random instances" } as const;
      if (options.proof === undefined || reference === undefined) {
        return graded(1, { kind: "agrees" }, { scope: sampled });
      }
      const { domain } = options.proof;
      return provedOrReview(parsed.expr, domain, reference(), sampled, options.proofBudget?.timeMs);
    },
  };
}

/**
 * The reference with symbolic entries, built once per check (on the first answer that needs it):
 * every entry of the domain's matrices a variable, the sizes their numbers.
 */
function symbolicReference(
  proof: NonNullable<ExpressionCheckOptions["proof"]>,
  limits: ProveOptions | undefined,
): () => ReturnType<typeof prepareReference> {
  let prepared: ReturnType<typeof prepareReference> | undefined;
  return () => {
    prepared ??= prepareReference(({ names, environment }) => {
      const values = new Map([
        ...proof.domain.matrices.map(
          ([name, [rows, columns]]) => [name, names.matrix(rows, columns)] as const,
        ),
        ...proof.domain.constants.map(
          ([name, value]) => [name, constantMatrix(1, 1, () => value, names.limits)] as const,
        ),
      ]);
      const expected = evaluateSymbolic(proof.reference, environment(values));
      return [{ values, expected: new Map([["", expected]]) }];
    }, limits);
    return prepared;
  };
}

/**
 * An answer that agreed on every instance: `correct` with the proof, else `review` saying what
 * was checked and why no proof was made.
 */
function provedOrReview(
  expr: GradingMath,
  domain: ExpressionDomain,
  reference: ReturnType<typeof prepareReference>,
  sampled: Scope,
  timeMs: number | undefined,
): CheckOutcome {
  // The same formula (as a tree) is compared with this question's reference once.
  const verdict =
    reference.kind === "undecided"
      ? reference
      : reference.proofs.verdict(answerKey(expr), () => proveAgainst(expr, reference, "", timeMs));
  if (verdict.kind === "equal") {
    const matrices = domain.matrices.map(([name, [r, c]]) => `${name} (${r}×${c})`);
    return graded(
      1,
      { kind: "correct" },
      {
        scope: {
          kind: "proof",
          domain: `every ${listed(matrices)}`,
          assumptions: verdict.assumptions,
        },
      },
    );
  }
  const note =
    verdict.kind === "different"
      ? "as formulas the two differ, though not on these instances"
      : verdict.reason === "budget"
        ? `the exact comparison stopped at its budget: ${verdict.message}`
        : `the exact comparison does not cover ${verdict.message}`;
  return graded(1, { kind: "agrees", note }, { scope: sampled });
}

/** "X (6×3), t (6×1) and w (3×1)". */
function listed(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Why a value differs from a reference (shape or values), or undefined when they agree. */
export function compareTensors(
  value: Tensor,
  reference: Tensor,
  tolerance: { readonly rtol?: number; readonly atol?: number },
): Difference | undefined {
  const shape = (t: Tensor) => (t.size === 1 ? "1" : t.shape.join("×"));
  if (shape(value) !== shape(reference)) {
    return { kind: "shape", actual: [...value.shape], expected: [...reference.shape] };
  }
  const close = allclose(
    value.size === 1 ? value.item() : value,
    reference.size === 1 ? reference.item() : reference,
    {
      rtol: tolerance.rtol ?? 1e-6,
      atol: tolerance.atol ?? 1e-9,
    },
  );
  if (close) return undefined;
  const factor = constantFactor(value, reference);
  if (factor === -1) return { kind: "sign" };
  if (factor !== undefined) return { kind: "factor", factor };
  return { kind: "values" };
}

/**
 * The difference to report for a value judged on several instances (undefined where it agreed):
 * the first one, except that a factor or a sign is said only when every instance shows the same.
 */
export function acrossInstances(differences: readonly (Difference | undefined)[]): Difference {
  const first = differences.find((d) => d !== undefined) ?? { kind: "values" };
  const factor = factorOf(first);
  if (factor === undefined) return first;
  return differences.every((d) => d !== undefined && factorOf(d) === factor)
    ? first
    : { kind: "values" };
}

function factorOf(difference: Difference): number | undefined {
  if (difference.kind === "sign") return -1;
  return difference.kind === "factor" ? difference.factor : undefined;
}

/** c when value = c·reference for a number c, found from the largest reference entry. */
function constantFactor(value: Tensor, reference: Tensor): number | undefined {
  const v = value.toTypedArray();
  const r = reference.toTypedArray();
  let pivot = 0;
  for (let i = 1; i < r.length; i++) if (Math.abs(r[i]!) > Math.abs(r[pivot]!)) pivot = i;
  if (r[pivot] === 0) return undefined;
  const c = v[pivot]! / r[pivot]!;
  if (!Number.isFinite(c) || c === 0) return undefined;
  const rounded = Math.round(c * 1e6) / 1e6;
  return r.every((x, i) => Math.abs(v[i]! - c * x) <= 1e-6 * (1 + Math.abs(c * x)))
    ? rounded
    : undefined;
}
