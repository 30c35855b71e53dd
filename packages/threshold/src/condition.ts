// Targets and assumptions as data: a small logical form over the inputs x1..xn that compiles both
// to the enumerator's predicate and to solver formulas, so a question can be decided exactly.
import * as smt from "@nnkit/smt";
import { ThresholdError } from "./errors.js";

/** Integer-valued expressions over the inputs: x_i (0-based `index`), integers, +, −, ·. */
export type Expression =
  | { readonly kind: "input"; readonly index: number }
  | { readonly kind: "integer"; readonly value: bigint }
  | {
      readonly kind: "add" | "subtract" | "multiply";
      readonly left: Expression;
      readonly right: Expression;
    }
  | { readonly kind: "negate"; readonly arg: Expression };

export type Relation = "==" | "!=" | "<" | "<=" | ">" | ">=";

/**
 * A condition on the inputs. `member`: the element equals one of the list; `permutation`: the
 * two lists are equal as multisets (same length).
 */
export type Condition =
  | { readonly kind: "boolean"; readonly value: boolean }
  | {
      readonly kind: "compare";
      readonly relation: Relation;
      readonly left: Expression;
      readonly right: Expression;
    }
  | { readonly kind: "and" | "or"; readonly args: readonly Condition[] }
  | { readonly kind: "not"; readonly arg: Condition }
  | { readonly kind: "distinct"; readonly args: readonly Expression[] }
  | { readonly kind: "member"; readonly element: Expression; readonly list: readonly Expression[] }
  | {
      readonly kind: "permutation";
      readonly items: readonly Expression[];
      readonly of: readonly Expression[];
    };

/** Largest list in `permutation(…)`: the solver form has n! cases. */
export const MAX_PERMUTATION_LENGTH = 6;

export const input = (index: number): Expression => ({ kind: "input", index });
export const inputs = (...indices: number[]): Expression[] => indices.map(input);

/** The largest input index a condition reads, +1 (0 for none). */
export function conditionArity(condition: Condition): number {
  const ofExpression = (e: Expression): number => {
    switch (e.kind) {
      case "input":
        return e.index + 1;
      case "integer":
        return 0;
      case "negate":
        return ofExpression(e.arg);
      default:
        return Math.max(ofExpression(e.left), ofExpression(e.right));
    }
  };
  const ofList = (list: readonly Expression[]) => Math.max(0, ...list.map(ofExpression));
  switch (condition.kind) {
    case "boolean":
      return 0;
    case "compare":
      return Math.max(ofExpression(condition.left), ofExpression(condition.right));
    case "and":
    case "or":
      return Math.max(0, ...condition.args.map(conditionArity));
    case "not":
      return conditionArity(condition.arg);
    case "distinct":
      return ofList(condition.args);
    case "member":
      return Math.max(ofExpression(condition.element), ofList(condition.list));
    case "permutation":
      return Math.max(ofList(condition.items), ofList(condition.of));
  }
}

function value(e: Expression, x: ArrayLike<number>): number {
  switch (e.kind) {
    case "input":
      return x[e.index]!;
    case "integer":
      return Number(e.value);
    case "add":
      return value(e.left, x) + value(e.right, x);
    case "subtract":
      return value(e.left, x) - value(e.right, x);
    case "multiply":
      return value(e.left, x) * value(e.right, x);
    case "negate":
      return -value(e.arg, x);
  }
}

function compareNumbers(relation: Relation, a: number, b: number): boolean {
  switch (relation) {
    case "==":
      return a === b;
    case "!=":
      return a !== b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
}

/** Equal as multisets: each item matched to an unused equal entry of `of` (no allocation). */
function sameMultiset(
  items: readonly Expression[],
  of: readonly Expression[],
  x: ArrayLike<number>,
): boolean {
  if (items.length !== of.length) return false;
  if (items.length > 30) {
    const sorted = (list: readonly Expression[]) =>
      list.map((e) => value(e, x)).sort((p, q) => p - q);
    const a = sorted(items);
    const b = sorted(of);
    return a.every((v, i) => v === b[i]);
  }
  let used = 0;
  for (const item of items) {
    const v = value(item, x);
    let j = 0;
    while (j < of.length && ((used >> j) & 1 || value(of[j]!, x) !== v)) j++;
    if (j === of.length) return false;
    used |= 1 << j;
  }
  return true;
}

/**
 * Whether the condition holds at an integer input, in doubles: exact while every intermediate
 * value stays below 2^53, as it does on the enumerator's boxes.
 */
export function holds(condition: Condition, x: ArrayLike<number>): boolean {
  switch (condition.kind) {
    case "boolean":
      return condition.value;
    case "compare":
      return compareNumbers(
        condition.relation,
        value(condition.left, x),
        value(condition.right, x),
      );
    case "and":
      return condition.args.every((c) => holds(c, x));
    case "or":
      return condition.args.some((c) => holds(c, x));
    case "not":
      return !holds(condition.arg, x);
    case "distinct": {
      const { args } = condition;
      for (let a = 0; a < args.length; a++) {
        const v = value(args[a]!, x);
        for (let b = a + 1; b < args.length; b++) if (value(args[b]!, x) === v) return false;
      }
      return true;
    }
    case "member": {
      const element = value(condition.element, x);
      return condition.list.some((e) => value(e, x) === element);
    }
    case "permutation":
      return sameMultiset(condition.items, condition.of, x);
  }
}

function exactValue(e: Expression, x: readonly bigint[]): bigint {
  switch (e.kind) {
    case "input":
      return x[e.index]!;
    case "integer":
      return e.value;
    case "add":
      return exactValue(e.left, x) + exactValue(e.right, x);
    case "subtract":
      return exactValue(e.left, x) - exactValue(e.right, x);
    case "multiply":
      return exactValue(e.left, x) * exactValue(e.right, x);
    case "negate":
      return -exactValue(e.arg, x);
  }
}

/** {@link holds} on arbitrarily large integer inputs, exactly (for a solver's counterexample). */
export function holdsExact(condition: Condition, x: readonly bigint[]): boolean {
  const values = (list: readonly Expression[]) => list.map((e) => exactValue(e, x));
  switch (condition.kind) {
    case "boolean":
      return condition.value;
    case "compare": {
      const a = exactValue(condition.left, x);
      const b = exactValue(condition.right, x);
      return compareNumbers(condition.relation, a < b ? -1 : a > b ? 1 : 0, 0);
    }
    case "and":
      return condition.args.every((c) => holdsExact(c, x));
    case "or":
      return condition.args.some((c) => holdsExact(c, x));
    case "not":
      return !holdsExact(condition.arg, x);
    case "distinct": {
      const list = values(condition.args);
      return new Set(list).size === list.length;
    }
    case "member": {
      const element = exactValue(condition.element, x);
      return values(condition.list).includes(element);
    }
    case "permutation": {
      const order = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
      const items = values(condition.items).sort(order);
      const of = values(condition.of).sort(order);
      return items.length === of.length && items.every((v, i) => v === of[i]);
    }
  }
}

function* permutations(n: number): Generator<number[]> {
  if (n === 0) {
    yield [];
    return;
  }
  for (const rest of permutations(n - 1)) {
    for (let at = 0; at <= rest.length; at++)
      yield [...rest.slice(0, at), n - 1, ...rest.slice(at)];
  }
}

function term(e: Expression, x: readonly smt.Term[]): smt.Term {
  switch (e.kind) {
    case "input":
      return x[e.index]!;
    case "integer":
      return smt.constant(e.value);
    case "add":
      return smt.add(term(e.left, x), term(e.right, x));
    case "subtract":
      return smt.sub(term(e.left, x), term(e.right, x));
    case "multiply":
      return smt.mul(term(e.left, x), term(e.right, x));
    case "negate":
      return smt.neg(term(e.arg, x));
  }
}

const RELATIONS = {
  "==": smt.eq,
  "!=": smt.ne,
  "<": smt.lt,
  "<=": smt.le,
  ">": smt.gt,
  ">=": smt.ge,
} as const;

/** The condition as a solver formula over the input terms `x` (x[i] stands for x_{i+1}). */
export function toFormula(condition: Condition, x: readonly smt.Term[]): smt.Formula {
  if (conditionArity(condition) > x.length) {
    throw new ThresholdError(
      "toFormula",
      "domain",
      `${formatCondition(condition)} reads x${conditionArity(condition)} but there are ${x.length} inputs`,
    );
  }
  switch (condition.kind) {
    case "boolean":
      return condition.value ? smt.TRUE : smt.FALSE;
    case "compare":
      return RELATIONS[condition.relation](term(condition.left, x), term(condition.right, x));
    case "and":
      return smt.and(...condition.args.map((c) => toFormula(c, x)));
    case "or":
      return smt.or(...condition.args.map((c) => toFormula(c, x)));
    case "not":
      return smt.not(toFormula(condition.arg, x));
    case "distinct":
      return smt.distinct(...condition.args.map((e) => term(e, x)));
    case "member": {
      const element = term(condition.element, x);
      return smt.or(...condition.list.map((e) => smt.eq(element, term(e, x))));
    }
    case "permutation": {
      const items = condition.items.map((e) => term(e, x));
      const of = condition.of.map((e) => term(e, x));
      if (items.length !== of.length) return smt.FALSE;
      return smt.or(
        ...[...permutations(items.length)].map((sigma) =>
          smt.and(...sigma.map((j, i) => smt.eq(items[i]!, of[j]!))),
        ),
      );
    }
  }
}

const PRECEDENCE = { add: 1, subtract: 1, multiply: 2 } as const;

function formatExpression(e: Expression, parent = 0): string {
  switch (e.kind) {
    case "input":
      return `x${e.index + 1}`;
    case "integer":
      return e.value < 0n && parent > 0 ? `(${e.value})` : `${e.value}`;
    case "negate":
      return `-${formatExpression(e.arg, 3)}`;
    default: {
      const own = PRECEDENCE[e.kind];
      const symbol = e.kind === "add" ? "+" : e.kind === "subtract" ? "-" : "*";
      const text = `${formatExpression(e.left, own)} ${symbol} ${formatExpression(e.right, own + 1)}`;
      return own < parent ? `(${text})` : text;
    }
  }
}

const list = (items: readonly Expression[]) => items.map((e) => formatExpression(e)).join(", ");

/** The condition in the syntax {@link parseCondition} reads; parsing it gives the condition back. */
export function formatCondition(condition: Condition, parent = 0): string {
  switch (condition.kind) {
    case "boolean":
      return `${condition.value}`;
    case "compare":
      return `${formatExpression(condition.left)} ${condition.relation} ${formatExpression(condition.right)}`;
    case "or":
    case "and": {
      const own = condition.kind === "or" ? 1 : 2;
      const text = condition.args.map((c) => formatCondition(c, own)).join(` ${condition.kind} `);
      return own < parent || condition.args.length < 2 ? `(${text})` : text;
    }
    case "not":
      return `not ${formatCondition(condition.arg, 3)}`;
    case "distinct":
      return `distinct(${list(condition.args)})`;
    case "member":
      return `${formatExpression(condition.element)} in {${list(condition.list)}}`;
    case "permutation":
      return `permutation(${list(condition.items)} of ${list(condition.of)})`;
  }
}
