import { CostError } from "./errors.js";
import { parsePolynomial } from "./parse-polynomial.js";
import { type Point, Polynomial } from "./polynomial.js";

export type Relation = ">" | ">=" | "=" | "<=" | "<";

/** left relation right, e.g. m > n. */
export interface Constraint {
  readonly left: Polynomial;
  readonly relation: Relation;
  readonly right: Polynomial;
}

const RELATION = /(>=|<=|≥|≤|>|<|=)/u;
const NORMAL: Record<string, Relation> = { "≥": ">=", "≤": "<=" };

/**
 * A set of sizes: every variable is a positive integer, and the constraints hold (`m > n`).
 * Comparisons of costs "within the region" are proved where possible (see provesNonNegative)
 * and can be confirmed by sampling its points.
 */
export class Region {
  private constructor(readonly constraints: readonly Constraint[]) {}

  /** All positive integer sizes. */
  static readonly ALL = new Region([]);

  /** A region from constraints such as `"m > n"`, `"n >= 2"`, `"2*n <= m + 1"`. */
  static of(...constraints: readonly (string | Constraint)[]): Region {
    return new Region(constraints.map((c) => (typeof c === "string" ? parseConstraint(c) : c)));
  }

  get variables(): readonly string[] {
    const names = new Set<string>();
    for (const c of this.constraints) for (const v of c.left.sub(c.right).variables) names.add(v);
    return [...names];
  }

  /** Throws when the region constrains a variable that `known` lacks (most likely a typo). */
  checkVariables(known: readonly string[], op: string): void {
    const unknown = this.variables.filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      throw new CostError(
        op,
        "variable",
        `the region uses unknown variable ${unknown.join(", ")}; the sizes are ${known.join(", ") || "numeric"}`,
      );
    }
  }

  /** Whether a point (positive integers for every variable used) lies in the region. */
  contains(point: Point): boolean {
    return this.constraints.every((c) => constraintHolds(c, point));
  }

  /** `m > n`; `all sizes` for the unconstrained region. */
  toString(): string {
    if (this.constraints.length === 0) return "all sizes";
    return this.constraints
      .map((c) => `${c.left} ${c.relation.replace(">=", "≥").replace("<=", "≤")} ${c.right}`)
      .join(", ");
  }

  /**
   * True only if p ≥ 0 at every point of the region (sound, not complete). Each variable is
   * rewritten as its lower bound plus a non-negative slack (m > n becomes m = n + 1 + s, a free
   * size n = 1 + t); if every coefficient is then non-negative, so is p.
   */
  provesNonNegative(p: Polynomial): boolean {
    return this.shifted(p).terms.every((t) => t.coef.sign() >= 0);
  }

  /** True only if p > 0 at every point of the region (sound, not complete). */
  provesPositive(p: Polynomial): boolean {
    const shifted = this.shifted(p);
    return shifted.constantTerm().sign() > 0 && shifted.terms.every((t) => t.coef.sign() >= 0);
  }

  /**
   * Points of the region over the given variables: every combination of sizes 1..gridMax
   * (when there are at most 4096), then pseudo-random sizes up to 1000, deterministic.
   */
  samples(variables: readonly string[], gridMax = 9, randomCount = 200): Point[] {
    const names = [...new Set([...variables, ...this.variables])];
    const points: Record<string, number>[] = [];
    if (gridMax ** names.length <= 4096) points.push(...grid(names, gridMax));
    const random = mulberry32(0x5eed);
    for (let i = 0; i < randomCount; i++) {
      points.push(Object.fromEntries(names.map((name) => [name, 1 + Math.floor(random() * 1000)])));
    }
    return points.filter((point) => this.contains(point));
  }

  /** Lower bounds usable for the slack substitution: variable → (base variable or constant). */
  private lowerBounds(): Map<string, { base: Polynomial; offset: number }> {
    const bounds = new Map<string, { base: Polynomial; offset: number }>();
    for (const c of this.constraints) {
      const oriented = orientAsLowerBound(c);
      if (oriented === undefined || bounds.has(oriented.name)) continue;
      if (dependsOn(oriented.base, oriented.name, bounds)) continue; // would be circular
      bounds.set(oriented.name, { base: oriented.base, offset: oriented.offset });
    }
    return bounds;
  }

  private shifted(p: Polynomial): Polynomial {
    const bounds = this.lowerBounds();
    const resolved = new Map<string, Polynomial>();
    const resolve = (name: string): Polynomial => {
      const known = resolved.get(name);
      if (known) return known;
      const slack = Polynomial.variable(`δ${name}`);
      const bound = bounds.get(name);
      let value: Polynomial;
      if (bound === undefined || bound.base.isConstant()) {
        const floor = bound ? bound.base.constantTerm().toNumber() + bound.offset : 1;
        value = slack.add(Math.max(1, Math.ceil(floor)));
      } else {
        const base = bound.base.variables[0]!;
        value = resolve(base).add(bound.offset).add(slack);
      }
      resolved.set(name, value);
      return value;
    };
    // Every value is in slack variables only, so substituting one name at a time is exact.
    return p.variables.reduce((result, name) => result.substitute(name, resolve(name)), p);
  }
}

/** `m > n` → { name: m, base: n, offset: 1 }; only variable-vs-variable or variable-vs-constant. */
function orientAsLowerBound(
  c: Constraint,
): { name: string; base: Polynomial; offset: number } | undefined {
  const flipped = c.relation === "<" || c.relation === "<=";
  const [high, low] = flipped ? [c.right, c.left] : [c.left, c.right];
  if (c.relation === "=") return undefined;
  const isVariable = (p: Polynomial) =>
    p.variables.length === 1 && p.equals(Polynomial.variable(p.variables[0]!));
  if (!isVariable(high)) return undefined;
  if (!isVariable(low) && !(low.isConstant() && low.constantTerm().isInteger())) return undefined;
  const strict = c.relation === ">" || c.relation === "<";
  return { name: high.variables[0]!, base: low, offset: strict ? 1 : 0 };
}

function dependsOn(
  base: Polynomial,
  name: string,
  bounds: Map<string, { base: Polynomial; offset: number }>,
): boolean {
  for (let current = base; !current.isConstant(); ) {
    const variable = current.variables[0]!;
    if (variable === name) return true;
    const next = bounds.get(variable);
    if (next === undefined) return false;
    current = next.base;
  }
  return false;
}

/** Whether a constraint holds at a point, exactly. */
export function constraintHolds(c: Constraint, point: Point): boolean {
  const sign = c.left.sub(c.right).evaluate(point).sign();
  switch (c.relation) {
    case ">":
      return sign > 0;
    case ">=":
      return sign >= 0;
    case "=":
      return sign === 0;
    case "<=":
      return sign <= 0;
    case "<":
      return sign < 0;
  }
}

function parseConstraint(text: string): Constraint {
  const parts = text.split(RELATION);
  if (parts.length !== 3) {
    throw new CostError(
      "Region.of",
      "argument",
      `${JSON.stringify(text)} is not one comparison like "m > n" (>, >=, =, <=, <)`,
    );
  }
  const [left, relation, right] = parts as [string, string, string];
  return {
    left: parsePolynomial(left, "Region.of"),
    relation: NORMAL[relation] ?? (relation as Relation),
    right: parsePolynomial(right, "Region.of"),
  };
}

function grid(names: readonly string[], max: number): Record<string, number>[] {
  let points: Record<string, number>[] = [{}];
  for (const name of names) {
    points = points.flatMap((point) =>
      Array.from({ length: max }, (_, i) => ({ ...point, [name]: i + 1 })),
    );
  }
  return points;
}

/** A small documented PRNG, so samples are the same on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
