import type { Polynomial } from "@nnkit/cost";
import { readText } from "../answers/read-values.js";
import { type DecisionCache, decisionCache } from "../certify/decision-cache.js";
import { type ConditionAnswer, solverLimits, solveSync } from "../certify/solver-thread.js";
import type { Shapes } from "../math/condition-prose.js";
import type { CompareOp } from "../math/expr.js";
import { parseMath } from "../math/parse-math.js";
import { toPolynomial } from "../math/to-polynomial.js";
import { type Check, type CheckContext, graded, invalid, invalidMath, review } from "./check.js";
import type { CheckOutcome } from "./outcome.js";
import { perContext } from "./per-context.js";
import { samplePoints } from "./sample-points.js";

/** The reference region: where `difference` (a polynomial in the sizes) is positive. */
export interface ConditionCheckOptions {
  readonly symbols: readonly string[];
  /** A function of the context only: it is computed once per context. */
  readonly positiveWhere: (context: CheckContext) => Polynomial;
  /** What the condition means, for feedback: "forward mode is cheaper". */
  readonly meaning: string;
  /** Costs named at a point where the conditions differ ("forward mode": its multiplications). */
  readonly costs?: (context: CheckContext) => Readonly<Record<string, Polynomial>>;
  /** Points sampled where the solver gives up (boundary points are added to them). */
  readonly samples?: number;
  /**
   * The solver's work limit per answer, in z3's resource units (default @nnkit/smt's): counted,
   * so the verdict and the point shown do not depend on the machine's load.
   */
  readonly solverWorkLimit?: number;
  /** A wall-clock guard on the solver per answer (default 20 000 ms; the work limit is the budget). */
  readonly solverTimeoutMs?: number;
  /** Matrices the condition may call wide, tall or square (`{ Z: ["n", "m"] }`). */
  readonly shapes?: Shapes;
}

const DOMAIN = "all positive integer sizes";

/** A condition check also counts its decisions: asked of the solver, and answered from its cache. */
export interface ConditionCheck extends Check {
  readonly decisions: DecisionCache<ConditionAnswer>["stats"];
}

/**
 * Judges a condition such as `m > n` by the region it describes: the solver decides whether it
 * holds at exactly the positive integer sizes where the reference does (correct only with that
 * proof), or gives the smallest point where they differ, with the costs there. Where the solver
 * gives up, seeded points and the reference's boundary points (where the difference is 0) are
 * sampled: a disagreement there refutes the answer, an agreement is no proof and goes to review.
 */
export function conditionCheck(options: ConditionCheckOptions): ConditionCheck {
  const regionIn = perContext((context) => referenceRegion(options, context));
  // A key is the whole request the solver answers: no scope is needed besides the kind.
  const decisions = decisionCache<ConditionAnswer>(
    (answer) => answer.verdict !== "unknown",
    () => "condition",
  );
  return {
    kind: "condition",
    usesSolver: true,
    decisions: decisions.stats,
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
      const op = parsed.expr.op;
      const decided = decideExactly(options, context, studentDifference, op, decisions);
      if (decided.outcome !== undefined) return decided.outcome;
      const points = regionIn(context);
      for (const { point, expected } of points) {
        const actual = holds(op, studentDifference.evaluate(point).sign());
        if (actual !== expected) {
          return graded(
            0,
            { kind: "condition-disagrees", meaning: options.meaning },
            { counterexample: { kind: "point", point: [...point], expected, actual } },
          );
        }
      }
      return review(`the solver did not decide the condition (${decided.reason})`, {
        scope: { kind: "sampled", count: points.length, of: "points" },
      });
    },
  };
}

const RELATION: Record<CompareOp, { relation: string; negated: boolean }> = {
  ">": { relation: ">", negated: false },
  ">=": { relation: ">=", negated: false },
  "<": { relation: "<", negated: false },
  "<=": { relation: "<=", negated: false },
  "=": { relation: "=", negated: false },
  // d ≠ 0 is the negation of d = 0: decided as d = 0 against the reference's negation.
  "!=": { relation: "=", negated: true },
};

/**
 * The polynomial in the plain syntax parsePolynomial reads back exactly ("-2/1*n^2 + 2/1*m^1*n^1"):
 * toString's display form (n², m/2) is for people.
 */
function exactText(p: Polynomial): string {
  const terms = p.terms.map((term, i) => {
    const negative = term.coef.num < 0n;
    const magnitude = negative ? -term.coef.num : term.coef.num;
    const body = [`${magnitude}/${term.coef.den}`, ...term.powers.map(([v, e]) => `${v}^${e}`)];
    const sign = negative ? "-" : "+";
    return i === 0 ? `${negative ? "-" : ""}${body.join("*")}` : `${sign} ${body.join("*")}`;
  });
  return terms.length === 0 ? "0" : terms.join(" ");
}

/** The solver's verdict as an outcome, or undefined (with why) where it gave none. */
function decideExactly(
  options: ConditionCheckOptions,
  context: CheckContext,
  studentDifference: Polynomial,
  op: CompareOp,
  decisions: DecisionCache<ConditionAnswer>,
): { outcome: CheckOutcome } | { outcome?: undefined; reason: string } {
  const { relation, negated } = RELATION[op];
  const costs = options.costs?.(context) ?? {};
  const request = {
    kind: "condition",
    candidate: [exactText(studentDifference), relation, "0"],
    reference: [exactText(options.positiveWhere(context)), negated ? "<=" : ">", "0"],
    costs: Object.fromEntries(Object.entries(costs).map(([name, p]) => [name, exactText(p)])),
    ...solverLimits(options),
  } as const;
  // The same condition (the same polynomials, in the same context) is decided once.
  const solved = decisions.decide(JSON.stringify(request), () =>
    solveSync<ConditionAnswer>(request),
  );
  if (!solved.ok) return { reason: solved.reason };
  const answer = solved.answer;
  if (answer.verdict === "unknown") return { reason: `${answer.reason}: ${answer.detail}` };
  if (answer.verdict === "equivalent") {
    return {
      outcome: graded(
        1,
        { kind: "correct" },
        { scope: { kind: "proof", domain: DOMAIN, assumptions: [] } },
      ),
    };
  }
  const point = options.symbols
    .filter((name) => answer.point[name] !== undefined)
    .map((name): [string, number] => [name, Number(answer.point[name])]);
  return {
    outcome: graded(
      0,
      { kind: "condition-disagrees", meaning: options.meaning },
      {
        counterexample: {
          kind: "point",
          point,
          expected: negated ? !answer.referenceHolds : answer.referenceHolds,
          actual: negated ? !answer.candidateHolds : answer.candidateHolds,
          costs: Object.entries(answer.costs),
        },
      },
    ),
  };
}

/** The sampled points off the reference boundary, each with whether the reference holds there. */
function referenceRegion(
  options: ConditionCheckOptions,
  context: CheckContext,
): readonly SampledPoint[] {
  const reference = options.positiveWhere(context);
  const sampled = samplePoints(options.symbols, options.samples ?? 200, context.seed);
  return [...sampled, ...boundaryPoints(reference, options.symbols)].map((point) => ({
    point,
    expected: reference.evaluate(point).sign() > 0,
  }));
}

/** Grid sides small enough that a grid holds at most a few thousand points. */
const GRID_SIDE = [0, 200, 40, 12, 6];

/** The points of a small grid of positive sizes where the reference is 0: its boundary. */
function boundaryPoints(
  reference: Polynomial,
  symbols: readonly string[],
): ReadonlyMap<string, number>[] {
  const side = GRID_SIDE[symbols.length] ?? 0;
  if (side === 0) return [];
  const found: ReadonlyMap<string, number>[] = [];
  const values = new Array<number>(symbols.length).fill(1);
  for (;;) {
    const point = new Map(symbols.map((name, i) => [name, values[i]!]));
    if (reference.evaluate(point).sign() === 0) found.push(point);
    let i = 0;
    while (i < values.length && values[i] === side) values[i++] = 1;
    if (i === values.length) return found;
    values[i] = values[i]! + 1;
  }
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
