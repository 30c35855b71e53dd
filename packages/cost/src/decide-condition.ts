import type { Rational } from "@nnkit/math";
import * as smt from "@nnkit/smt";
import type { Polynomial } from "./polynomial.js";
import { type Constraint, constraintHolds, Region, type Relation } from "./region.js";

/**
 * `equivalent`: the two conditions hold at exactly the same positive integer sizes (within the
 * region), proved by the solver. `different`: a point where one holds and the other does not, the
 * smallest in max size the solver found (`minimal` when proved smallest), checked by exact
 * evaluation, with the named costs there. `unknown`: the solver gave no answer in time.
 */
export type ConditionDecision =
  | {
      readonly verdict: "equivalent";
      readonly scope: {
        readonly domain: "positive integers";
        readonly variables: readonly string[];
        readonly constraints: readonly string[];
      };
    }
  | {
      readonly verdict: "different";
      readonly point: Readonly<Record<string, bigint>>;
      readonly candidateHolds: boolean;
      readonly referenceHolds: boolean;
      /** Each of `options.costs` evaluated at the point. */
      readonly costs: Readonly<Record<string, Rational>>;
      readonly minimal: boolean;
    }
  | {
      readonly verdict: "unknown";
      readonly reason: "work limit" | "timeout" | "incomplete" | "unconfirmed point";
      readonly detail: string;
    };

export interface DecideConditionOptions {
  /** Extra constraints on the sizes (default: every size a positive integer, nothing more). */
  readonly region?: Region;
  /** Costs to report at a point where the conditions differ, e.g. { forward, reverse }. */
  readonly costs?: Readonly<Record<string, Polynomial>>;
  /**
   * The solver's work limit per call, in z3's resource units: counted, so the verdict and the
   * point do not depend on the machine or its load (default @nnkit/smt's, 10⁶).
   */
  readonly workLimit?: number;
  /** A wall-clock guard on the solver, minimisation included (default 5000 ms). */
  readonly timeoutMs?: number;
}

function polynomialTerm(p: Polynomial): smt.Term {
  const terms = p.terms.map((term) =>
    smt.mul(
      smt.constant({ num: term.coef.num, den: term.coef.den }),
      ...term.powers.flatMap(([name, exponent]) =>
        Array.from({ length: exponent }, () => smt.intVar(name)),
      ),
    ),
  );
  return terms.length === 0 ? smt.constant(0) : smt.add(...terms);
}

const RELATIONS: Record<Relation, (a: smt.Term, b: smt.Term) => smt.Formula> = {
  ">": smt.gt,
  ">=": smt.ge,
  "=": smt.eq,
  "<=": smt.le,
  "<": smt.lt,
};

function constraintFormula(c: Constraint): smt.Formula {
  return RELATIONS[c.relation](polynomialTerm(c.left), polynomialTerm(c.right));
}

const text = (c: Constraint) => `${c.left} ${c.relation} ${c.right}`;

/**
 * Decides whether `candidate` (e.g. a student's `m >= n`) holds at exactly the same positive
 * integer sizes as `reference` (e.g. forward cheaper than reverse: 3nm − (2n² + nm) > 0). Sizes
 * are every variable of either condition (and of the region); the conditions may be nonlinear.
 */
export async function decideCondition(
  candidate: Constraint,
  reference: Constraint,
  options: DecideConditionOptions = {},
): Promise<ConditionDecision> {
  const region = options.region ?? Region.ALL;
  const sides = [candidate.left, candidate.right, reference.left, reference.right];
  const variables = [
    ...new Set([
      ...sides.flatMap((p) => p.variables),
      ...region.constraints.flatMap((c) => [...c.left.variables, ...c.right.variables]),
    ]),
  ];
  const positive = variables.map((name) => smt.ge(smt.intVar(name), 1));
  const a = constraintFormula(candidate);
  const b = constraintFormula(reference);
  const differ = smt.or(smt.and(a, smt.not(b)), smt.and(b, smt.not(a)));
  const query = smt.and(...positive, ...region.constraints.map(constraintFormula), differ);
  // Among the smallest points, the one least in the variables' name order (smt's tie-break): the
  // point shown depends on the two conditions only.
  const answer = await smt.minimize(query, {
    variables: [...variables].sort(),
    timeoutMs: options.timeoutMs ?? 5000,
    ...(options.workLimit === undefined ? {} : { workLimit: options.workLimit }),
  });
  if (answer.status === "unsat") {
    return {
      verdict: "equivalent",
      scope: {
        domain: "positive integers",
        variables,
        constraints: region.constraints.map(text),
      },
    };
  }
  if (answer.status === "unknown") {
    const reason = answer.reason === "irrational model" ? "incomplete" : answer.reason;
    return { verdict: "unknown", reason, detail: answer.detail };
  }
  const point = Object.fromEntries(variables.map((name) => [name, answer.model[name]!.num]));
  const candidateHolds = constraintHolds(candidate, point);
  const referenceHolds = constraintHolds(reference, point);
  const inRegion =
    variables.every((name) => point[name]! >= 1n) &&
    region.constraints.every((c) => constraintHolds(c, point));
  if (candidateHolds === referenceHolds || !inRegion) {
    return {
      verdict: "unknown",
      reason: "unconfirmed point",
      detail: `the solver's point ${JSON.stringify(point, (_, v) => (typeof v === "bigint" ? `${v}` : v))} failed the exact check`,
    };
  }
  const costs = Object.fromEntries(
    Object.entries(options.costs ?? {}).map(([name, cost]): [string, Rational] => [
      name,
      cost.evaluate(point),
    ]),
  );
  return {
    verdict: "different",
    point,
    candidateHolds,
    referenceHolds,
    costs,
    minimal: answer.minimal,
  };
}
