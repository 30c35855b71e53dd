import { CostError } from "./errors.js";
import { contentOf } from "./format.js";
import { exponentOf, gcdPowers } from "./monomial.js";
import { type Point, Polynomial } from "./polynomial.js";
import { Region } from "./region.js";

/** A readable condition `lhs relation rhs` on the sizes, or one that always / never holds. */
export type Condition =
  | { readonly kind: "always" | "never" }
  | {
      readonly kind: "when";
      readonly lhs: Polynomial;
      readonly relation: ">" | "=" | "<";
      readonly rhs: Polynomial;
    };

export interface Crossover {
  /** second − first: positive exactly where the first is cheaper. */
  readonly difference: Polynomial;
  readonly region: Region;
  readonly firstCheaper: Condition;
  readonly equal: Condition;
  readonly secondCheaper: Condition;
  /** Sampled points of the region at which the conditions were checked against the costs. */
  readonly samplesChecked: number;
}

/**
 * Where `first` costs less than `second`, as a readable condition: 2.4's forward 2n² + nm
 * against reverse 3nm gives `m > n`. The difference 2nm − 2n² is stripped of its positive
 * factors (2n) and solved for a variable it is linear in (m − n > 0 ⇔ m > n). The conditions
 * are then checked against the costs themselves at sampled points of the region; a
 * disagreement would throw (it would mean a bug, not a user error).
 */
export function crossover(
  first: Polynomial,
  second: Polynomial,
  region: Region = Region.ALL,
): Crossover {
  const variables = [...new Set([...first.variables, ...second.variables])];
  region.checkVariables(variables, "crossover");
  const difference = second.sub(first);
  const [firstCheaper, equal, secondCheaper] = conditionsForSign(difference, region);
  const samples = region.samples(variables);
  for (const point of samples) {
    const sign = difference.evaluate(point).sign();
    const expected = [sign > 0, sign === 0, sign < 0];
    const found = [firstCheaper, equal, secondCheaper].map((c) => conditionHolds(c, point));
    if (expected.some((e, i) => e !== found[i])) {
      throw new CostError(
        "crossover",
        "argument",
        `condition ${formatCondition(firstCheaper)} disagrees with the costs at ${JSON.stringify(point)}`,
      );
    }
  }
  return { difference, region, firstCheaper, equal, secondCheaper, samplesChecked: samples.length };
}

/** Whether a condition holds at a point. */
export function conditionHolds(condition: Condition, point: Point): boolean {
  if (condition.kind !== "when") return condition.kind === "always";
  const sign = condition.lhs.sub(condition.rhs).evaluate(point).sign();
  return condition.relation === ">" ? sign > 0 : condition.relation === "<" ? sign < 0 : sign === 0;
}

/** `m > n`, `always`, `never`; LaTeX with `{ latex: true }`. */
export function formatCondition(condition: Condition, options: { latex?: boolean } = {}): string {
  if (condition.kind !== "when") return condition.kind;
  const side = (p: Polynomial) => (options.latex ? p.toLatex() : p.toString());
  return `${side(condition.lhs)} ${condition.relation} ${side(condition.rhs)}`;
}

/** Conditions for d > 0, d = 0 and d < 0 within the region. */
function conditionsForSign(d: Polynomial, region: Region): [Condition, Condition, Condition] {
  if (d.isZero()) return [{ kind: "never" }, { kind: "always" }, { kind: "never" }];
  if (region.provesPositive(d)) return [{ kind: "always" }, { kind: "never" }, { kind: "never" }];
  if (region.provesPositive(d.neg()))
    return [{ kind: "never" }, { kind: "never" }, { kind: "always" }];
  const core = withoutPositiveFactors(d);
  const solved = solveForVariable(core, region);
  const { lhs, rhs } = solved ?? splitBySign(core);
  const [above, below] = solved?.flipped ? (["<", ">"] as const) : ([">", "<"] as const);
  return [
    decide({ kind: "when", lhs, relation: above, rhs }, region),
    decide({ kind: "when", lhs, relation: "=", rhs }, region),
    decide({ kind: "when", lhs, relation: below, rhs }, region),
  ];
}

/**
 * Sizes are whole numbers, so a condition between integer polynomials that the region settles
 * reads as always or never: 2.3's forward 2n² < reverse 2n is `n < 1`, never for n ≥ 1.
 */
function decide(condition: Condition & { kind: "when" }, region: Region): Condition {
  const { lhs, rhs, relation } = condition;
  if (![...lhs.terms, ...rhs.terms].every((t) => t.coef.isInteger())) return condition;
  const one = Polynomial.constant(1);
  const lhsAtLeastRhs = region.provesPositive(lhs.sub(rhs).add(one));
  const rhsAtLeastLhs = region.provesPositive(rhs.sub(lhs).add(one));
  const lhsAbove = region.provesPositive(lhs.sub(rhs));
  const rhsAbove = region.provesPositive(rhs.sub(lhs));
  const never =
    relation === "<" ? lhsAtLeastRhs : relation === ">" ? rhsAtLeastLhs : lhsAbove || rhsAbove;
  const always = relation === "<" ? rhsAbove : relation === ">" ? lhsAbove : false;
  return never ? { kind: "never" } : always ? { kind: "always" } : condition;
}

/** Divides out the positive content and the common monomial (sizes are positive). */
function withoutPositiveFactors(d: Polynomial): Polynomial {
  const terms = d.terms;
  const content = contentOf(terms).abs();
  const common = gcdPowers(terms.map((t) => t.powers));
  return Polynomial.fromTerms(
    terms.map((t) => ({
      coef: t.coef.div(content),
      powers: t.powers.map(([name, e]) => [name, e - exponentOf(common, name)] as const),
    })),
    d.variables,
  );
}

/**
 * r = A·x + B with A provably positive or negative in the region and −B/A = Q a polynomial:
 * r > 0 ⇔ x > Q (A > 0) or x < Q (A < 0, `flipped`). Prefers A > 0, so m − n reads `m > n`.
 */
function solveForVariable(
  r: Polynomial,
  region: Region,
): { lhs: Polynomial; rhs: Polynomial; flipped: boolean } | undefined {
  const options: { lhs: Polynomial; rhs: Polynomial; flipped: boolean }[] = [];
  for (const name of r.variables) {
    if (r.degreeIn(name) !== 1) continue;
    const x = Polynomial.variable(name);
    const a = coefficientOf(r, name);
    const positive = region.provesPositive(a);
    if (!positive && !region.provesPositive(a.neg())) continue;
    const quotient = r.sub(a.mul(x)).neg().divideExact(a);
    // (m + 1)/2 reads worse than the undivided 2n > m + 1, so only integer quotients.
    if (quotient?.terms.every((t) => t.coef.isInteger())) {
      options.push({ lhs: x, rhs: quotient, flipped: !positive });
    }
  }
  return options.find((o) => !o.flipped) ?? options[0];
}

/** The coefficient of x¹ in r, as a polynomial in the other variables. */
function coefficientOf(r: Polynomial, name: string): Polynomial {
  return Polynomial.fromTerms(
    r.terms
      .filter((t) => exponentOf(t.powers, name) === 1)
      .map((t) => ({ coef: t.coef, powers: t.powers.filter(([n]) => n !== name) })),
    r.variables,
  );
}

/** r > 0 ⇔ (positive terms) > (negated negative terms). */
function splitBySign(r: Polynomial): { lhs: Polynomial; rhs: Polynomial } {
  const positive = r.terms.filter((t) => t.coef.sign() > 0);
  const negative = r.terms
    .filter((t) => t.coef.sign() < 0)
    .map((t) => ({ ...t, coef: t.coef.neg() }));
  return {
    lhs: Polynomial.fromTerms(positive, r.variables),
    rhs: Polynomial.fromTerms(negative, r.variables),
  };
}
