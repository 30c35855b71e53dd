// The z3 solver, loaded on first use: importing @nnkit/smt costs nothing; the first check pays
// z3's start (≈ 0.5 s) once per process or worker thread, and every later check reuses it.
import type { Arith, Bool, Context } from "z3-solver";
import type { Formula, Ratio, Sort, Term } from "./term.js";
import { sortOf } from "./term.js";

export type Z3Context = Context<"nnkit">;

let loading: Promise<Z3Context> | undefined;

/** The one z3 context of this thread, started on first call. */
export function z3(): Promise<Z3Context> {
  loading ??= import("z3-solver").then(async ({ init }) => {
    const api = await init();
    return api.Context("nnkit");
  });
  return loading;
}

/** Loads z3 now (about a second), so that a first check does not wait for it. */
export async function loadSolver(): Promise<void> {
  await z3();
}

/** Whether z3 has been asked for in this thread (it is only loaded on the first check). */
export function isSolverLoaded(): boolean {
  return loading !== undefined;
}

function real(ctx: Z3Context, value: Ratio): Arith<"nnkit"> {
  return ctx.Real.val({ numerator: value.num, denominator: value.den } as never);
}

/**
 * Translates terms and formulas into one z3 context; variables are made once per name, and a
 * term object shared by several parents (a network's unit read by the next layer) once per sort,
 * so a formula built as a DAG is translated in time linear in its size.
 */
export class Translator {
  private readonly variables = new Map<string, Arith<"nnkit">>();
  private readonly terms = new Map<Term, Partial<Record<Sort, Arith<"nnkit">>>>();
  private readonly formulas = new Map<Formula, Bool<"nnkit">>();

  constructor(private readonly ctx: Z3Context) {}

  variable(name: string, sort: Sort): Arith<"nnkit"> {
    let found = this.variables.get(name);
    if (found === undefined) {
      found = sort === "int" ? this.ctx.Int.const(name) : this.ctx.Real.const(name);
      this.variables.set(name, found);
    }
    return found;
  }

  /** The term as a z3 expression of the given sort (integers are widened to reals). */
  term(value: Term, sort: Sort = sortOf(value)): Arith<"nnkit"> {
    const cached = this.terms.get(value);
    const hit = cached?.[sort];
    if (hit !== undefined) return hit;
    const made = this.makeTerm(value, sort);
    if (cached === undefined) this.terms.set(value, { [sort]: made });
    else cached[sort] = made;
    return made;
  }

  formula(value: Formula): Bool<"nnkit"> {
    let made = this.formulas.get(value);
    if (made === undefined) {
      made = this.makeFormula(value);
      this.formulas.set(value, made);
    }
    return made;
  }

  private makeTerm(value: Term, sort: Sort): Arith<"nnkit"> {
    const { ctx } = this;
    const widen = (expr: Arith<"nnkit">, from: Sort) =>
      from === "int" && sort === "real" ? ctx.ToReal(expr) : expr;
    switch (value.op) {
      case "var":
        return widen(this.variable(value.name, value.sort), value.sort);
      case "const":
        return sort === "int" ? ctx.Int.val(value.value.num) : real(ctx, value.value);
      case "add":
      case "mul": {
        if (value.terms.length === 0)
          return this.term(
            { op: "const", value: { num: value.op === "add" ? 0n : 1n, den: 1n } },
            sort,
          );
        const parts = value.terms.map((t) => this.term(t, sort));
        return parts.reduce((a, b) => (value.op === "add" ? a.add(b) : a.mul(b)));
      }
      case "neg":
        return this.term(value.term, sort).neg();
      case "if":
        return ctx.If(
          this.formula(value.condition),
          this.term(value.whenTrue, sort),
          this.term(value.whenFalse, sort),
        ) as Arith<"nnkit">;
    }
  }

  private makeFormula(value: Formula): Bool<"nnkit"> {
    const { ctx } = this;
    switch (value.op) {
      case "bool":
        return ctx.Bool.val(value.value);
      case "compare": {
        const sort = common([value.left, value.right]);
        const left = this.term(value.left, sort);
        const right = this.term(value.right, sort);
        switch (value.relation) {
          case "<":
            return left.lt(right);
          case "<=":
            return left.le(right);
          case "==":
            return left.eq(right);
          case "!=":
            return left.neq(right);
          case ">=":
            return left.ge(right);
          case ">":
            return left.gt(right);
        }
        break;
      }
      case "and":
        return value.args.length === 0
          ? ctx.Bool.val(true)
          : ctx.And(...value.args.map((f) => this.formula(f)));
      case "or":
        return value.args.length === 0
          ? ctx.Bool.val(false)
          : ctx.Or(...value.args.map((f) => this.formula(f)));
      case "not":
        return ctx.Not(this.formula(value.arg));
      case "distinct": {
        if (value.terms.length < 2) return ctx.Bool.val(true);
        const sort = common(value.terms);
        return ctx.Distinct(...value.terms.map((t) => this.term(t, sort)));
      }
    }
  }
}

function common(terms: readonly Term[]): Sort {
  return terms.some((t) => sortOf(t) === "real") ? "real" : "int";
}
