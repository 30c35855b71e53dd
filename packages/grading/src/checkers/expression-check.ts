import { allclose, type Tensor } from "@nnkit/tensor";
import { readText } from "../answers/read-values.js";
import { evaluateTensor, type TensorEnvironment } from "../math/evaluate-tensor.js";
import { describeMathError } from "../math/math-error.js";
import { parseMath } from "../math/parse-math.js";
import { type Check, type CheckContext, graded, invalid } from "./check.js";
import { perContext } from "./per-context.js";

/** One random instance: values for the names, and the reference value of the answer there. */
export interface ExpressionInstance {
  readonly environment: TensorEnvironment;
  readonly reference: Tensor;
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
}

/**
 * Evaluates a formula (3.1's gradient, 3.2's ŵ) on seeded random instances and compares it with the
 * reference there: equal on every instance means equal as a function, whatever the written form.
 */
export function expressionCheck(options: ExpressionCheckOptions): Check {
  const instancesIn = perContext(options.instances);
  return {
    kind: "expression",
    grade(answer, context) {
      const text = readText(answer, "the answer");
      if (!text.ok) return invalid(text.message);
      const parsed = parseMath(text.value, { symbols: options.symbols, kind: "tensor" });
      if (!parsed.ok) return invalid(describeMathError(parsed.error));
      const instances = instancesIn(context);
      for (const [index, instance] of instances.entries()) {
        const value = evaluateTensor(parsed.expr, instance.environment);
        if (!value.ok) return graded(0, `cannot be evaluated: ${value.message}`);
        const verdict = compareTensors(value.value, instance.reference, options);
        if (verdict !== undefined)
          return graded(0, `${verdict} (random instance ${index + 1} of ${instances.length})`);
      }
      return graded(1, `correct (agrees on ${instances.length} random instances)`);
    },
  };
}

/** Why a value differs from a reference (shape or values), or undefined when they agree. */
export function compareTensors(
  value: Tensor,
  reference: Tensor,
  tolerance: { readonly rtol?: number; readonly atol?: number },
): string | undefined {
  const shape = (t: Tensor) => (t.size === 1 ? "1" : t.shape.join("×"));
  if (shape(value) !== shape(reference)) {
    return `the result is ${shape(value)} but should be ${shape(reference)}`;
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
  if (factor === -1) return "the sign is wrong";
  if (factor !== undefined)
    return `off by a constant factor (${formatFactor(factor)} times the reference)`;
  return "the values differ from the reference";
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

function formatFactor(c: number): string {
  const fractions = [2, 3, 4].flatMap((d) => [1, 2, 3].map((n) => [n, d] as const));
  const fraction = fractions.find(([n, d]) => Math.abs(Math.abs(c) - n / d) < 1e-9);
  const sign = c < 0 ? "−" : "";
  return fraction ? `${sign}${fraction[0]}/${fraction[1]}` : String(c);
}
