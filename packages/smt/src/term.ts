/**
 * A small term language for exact arithmetic: integer and real variables, rational constants as
 * bigint ratios, + − ·, If, comparisons, and/or/not, distinct. Terms are plain data (they can
 * cross a worker boundary and be printed); {@link check} hands them to the solver.
 */

/** An exact rational num/den with den > 0 (any structurally equal Rational class fits). */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

export type Sort = "int" | "real";

export type Term =
  | { readonly op: "var"; readonly name: string; readonly sort: Sort }
  | { readonly op: "const"; readonly value: Ratio }
  | { readonly op: "add"; readonly terms: readonly Term[] }
  | { readonly op: "mul"; readonly terms: readonly Term[] }
  | { readonly op: "neg"; readonly term: Term }
  | {
      readonly op: "if";
      readonly condition: Formula;
      readonly whenTrue: Term;
      readonly whenFalse: Term;
    };

export type Relation = "<" | "<=" | "==" | "!=" | ">=" | ">";

export type Formula =
  | { readonly op: "bool"; readonly value: boolean }
  | {
      readonly op: "compare";
      readonly relation: Relation;
      readonly left: Term;
      readonly right: Term;
    }
  | { readonly op: "and"; readonly args: readonly Formula[] }
  | { readonly op: "or"; readonly args: readonly Formula[] }
  | { readonly op: "not"; readonly arg: Formula }
  | { readonly op: "distinct"; readonly terms: readonly Term[] };

/** What a constant may be written as: an integer, a bigint or an exact ratio. */
export type Numeric = number | bigint | Ratio;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The ratio in lowest terms with a positive denominator. */
export function ratio(num: bigint, den = 1n): Ratio {
  if (den === 0n) throw new RangeError(`zero denominator in ${num}/0`);
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

function toRatio(value: Numeric): Ratio {
  if (typeof value === "bigint") return { num: value, den: 1n };
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`${value} is not a safe integer: pass an exact ratio for fractions`);
    }
    return { num: BigInt(value), den: 1n };
  }
  return ratio(value.num, value.den);
}

export const intVar = (name: string): Term => ({ op: "var", name, sort: "int" });
export const realVar = (name: string): Term => ({ op: "var", name, sort: "real" });
export const constant = (value: Numeric): Term => ({ op: "const", value: toRatio(value) });

const term = (value: Term | Numeric): Term =>
  typeof value === "object" && "op" in value ? value : constant(value);

export const add = (...terms: (Term | Numeric)[]): Term => ({ op: "add", terms: terms.map(term) });
export const mul = (...terms: (Term | Numeric)[]): Term => ({ op: "mul", terms: terms.map(term) });
export const neg = (value: Term | Numeric): Term => ({ op: "neg", term: term(value) });
export const sub = (left: Term | Numeric, right: Term | Numeric): Term => add(left, neg(right));
export const ite = (condition: Formula, then: Term | Numeric, otherwise: Term | Numeric): Term => ({
  op: "if",
  condition,
  whenTrue: term(then),
  whenFalse: term(otherwise),
});

const compare =
  (relation: Relation) =>
  (left: Term | Numeric, right: Term | Numeric): Formula => ({
    op: "compare",
    relation,
    left: term(left),
    right: term(right),
  });
export const lt = compare("<");
export const le = compare("<=");
export const eq = compare("==");
export const ne = compare("!=");
export const ge = compare(">=");
export const gt = compare(">");

export const TRUE: Formula = { op: "bool", value: true };
export const FALSE: Formula = { op: "bool", value: false };
export const and = (...args: Formula[]): Formula => ({ op: "and", args });
export const or = (...args: Formula[]): Formula => ({ op: "or", args });
export const not = (arg: Formula): Formula => ({ op: "not", arg });
export const distinct = (...terms: (Term | Numeric)[]): Formula => ({
  op: "distinct",
  terms: terms.map(term),
});

const sorts = new WeakMap<Term, Sort>();

/** The term's sort: real as soon as a real variable or a non-integer constant appears. */
export function sortOf(value: Term): Sort {
  let sort = sorts.get(value);
  if (sort === undefined) {
    sort = computeSort(value);
    sorts.set(value, sort);
  }
  return sort;
}

function computeSort(value: Term): Sort {
  switch (value.op) {
    case "var":
      return value.sort;
    case "const":
      return value.value.den === 1n ? "int" : "real";
    case "add":
    case "mul":
      return value.terms.some((t) => sortOf(t) === "real") ? "real" : "int";
    case "neg":
      return sortOf(value.term);
    case "if":
      return sortOf(value.whenTrue) === "real" || sortOf(value.whenFalse) === "real"
        ? "real"
        : "int";
  }
}

/** Every variable of a formula, by name, in order of first appearance (shared parts once). */
export function variablesOf(formula: Formula): Map<string, Sort> {
  const found = new Map<string, Sort>();
  const seen = new Set<Term | Formula>();
  const visitTerm = (t: Term): void => {
    if (seen.has(t)) return;
    seen.add(t);
    switch (t.op) {
      case "var": {
        const before = found.get(t.name);
        if (before !== undefined && before !== t.sort) {
          throw new TypeError(`variable ${t.name} is used both as ${before} and as ${t.sort}`);
        }
        found.set(t.name, t.sort);
        return;
      }
      case "const":
        return;
      case "add":
      case "mul":
        t.terms.forEach(visitTerm);
        return;
      case "neg":
        visitTerm(t.term);
        return;
      case "if":
        visitFormula(t.condition);
        visitTerm(t.whenTrue);
        visitTerm(t.whenFalse);
    }
  };
  const visitFormula = (f: Formula): void => {
    if (seen.has(f)) return;
    seen.add(f);
    switch (f.op) {
      case "bool":
        return;
      case "compare":
        visitTerm(f.left);
        visitTerm(f.right);
        return;
      case "and":
      case "or":
        f.args.forEach(visitFormula);
        return;
      case "not":
        visitFormula(f.arg);
        return;
      case "distinct":
        f.terms.forEach(visitTerm);
    }
  };
  visitFormula(formula);
  return found;
}
