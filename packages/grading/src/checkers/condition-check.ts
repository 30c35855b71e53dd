import type { Polynomial } from "@nnkit/cost";
import { readText } from "../answers/read-values.js";
import type { Shapes } from "../math/condition-prose.js";
import type { CompareOp } from "../math/expr.js";
import { parseMath } from "../math/parse-math.js";
import { toPolynomial } from "../math/to-polynomial.js";
import { type Check, type CheckContext, graded, invalid, invalidMath } from "./check.js";
import { perContext } from "./per-context.js";
import { samplePoints } from "./sample-points.js";

/** The reference region: where `difference` (a polynomial in the sizes) is positive. */
export interface ConditionCheckOptions {
  readonly symbols: readonly string[];
  /** A function of the context only: it is computed once per context. */
  readonly positiveWhere: (context: CheckContext) => Polynomial;
  /** What the condition means, for feedback: "forward mode is cheaper". */
  readonly meaning: string;
  readonly samples?: number;
  /** Matrices the condition may call wide, tall or square (`{ Z: ["n", "m"] }`). */
  readonly shapes?: Shapes;
}

/**
 * Judges a condition such as `m > n` by the region it describes: on seeded integer points away from
 * the reference boundary (where the difference is 0), it must hold exactly where the reference does.
 */
export function conditionCheck(options: ConditionCheckOptions): Check {
  const regionIn = perContext((context) => referenceRegion(options, context));
  return {
    kind: "condition",
    grade(answer, context) {
      const text = readText(answer, "the answer");
      if (!text.ok) return invalid(text.message);
      const parsed = parseMath(text.value, {
        symbols: options.symbols,
        kind: "condition",
        ...(options.shapes ? { shapes: options.shapes } : {}),
      });
      if (!parsed.ok) return invalidMath(parsed.error);
      if (parsed.expr.kind !== "compare") return invalid("expected a condition such as m > n");
      const left = toPolynomial(parsed.expr.left);
      const right = toPolynomial(parsed.expr.right);
      if (!left.ok) return invalid(left.message);
      if (!right.ok) return invalid(right.message);
      const studentDifference = left.polynomial.sub(right.polynomial);
      const points = regionIn(context);
      for (const { point, expected } of points) {
        const actual = holds(parsed.expr.op, studentDifference.evaluate(point).sign());
        if (actual !== expected) {
          return graded(
            0,
            { kind: "condition-disagrees", meaning: options.meaning },
            { counterexample: { kind: "point", point: [...point], expected, actual } },
          );
        }
      }
      return graded(
        1,
        { kind: "correct" },
        { scope: { kind: "sampled", count: points.length, of: "points" } },
      );
    },
  };
}

/** The sampled points off the reference boundary, each with whether the reference holds there. */
function referenceRegion(
  options: ConditionCheckOptions,
  context: CheckContext,
): readonly SampledPoint[] {
  const reference = options.positiveWhere(context);
  return samplePoints(options.symbols, options.samples ?? 200, context.seed)
    .map((point) => ({ point, sign: reference.evaluate(point).sign() }))
    .filter(({ sign }) => sign !== 0)
    .map(({ point, sign }) => ({ point, expected: sign > 0 }));
}

interface SampledPoint {
  readonly point: ReadonlyMap<string, number>;
  readonly expected: boolean;
}

function holds(op: CompareOp, sign: -1 | 0 | 1): boolean {
  switch (op) {
    case ">":
      return sign > 0;
    case ">=":
      return sign >= 0;
    case "<":
      return sign < 0;
    case "<=":
      return sign <= 0;
    case "=":
      return sign === 0;
    case "!=":
      return sign !== 0;
  }
}
