import type { Arith, Model as Z3Model } from "z3-solver";
import { type Formula, type Ratio, type Sort, variablesOf } from "./term.js";
import { Translator, type Z3Context, z3 } from "./z3.js";

/** A satisfying assignment: every variable of the formula, exactly. */
export type Model = Readonly<Record<string, Ratio>>;

/**
 * Why the solver gave no answer: it used up its work limit, or ran out of time (the wall-clock
 * guard), or its procedures are incomplete for the formula (nonlinear integer arithmetic is
 * undecidable in general), or the model it found is not a rational (a nonlinear real formula can
 * force an irrational value).
 */
export type UnknownReason = "work limit" | "timeout" | "incomplete" | "irrational model";

export type CheckResult =
  | { readonly status: "unsat" }
  | { readonly status: "sat"; readonly model: Model }
  | { readonly status: "unknown"; readonly reason: UnknownReason; readonly detail: string };

export interface CheckOptions {
  /**
   * How much work the solver may do, in z3's resource units (its `rlimit`), before it stops with
   * `unknown` ("work limit"). Counted, not timed: the same formula gets the same answer on any
   * machine under any load. Default 10⁶ (well under a second of work on this project's machines).
   */
  readonly workLimit?: number;
  /**
   * A last-resort guard: the solver stops with `unknown` ("timeout") after about this long, for
   * the rare formula whose work z3 does not count. Default 10 s.
   */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_WORK_LIMIT = 1_000_000;

/** The options as z3 takes them: whole numbers, at least 1. */
function limits(options: CheckOptions): { workLimit: number; timeoutMs: number } {
  return {
    workLimit: Math.max(1, Math.round(options.workLimit ?? DEFAULT_WORK_LIMIT)),
    timeoutMs: Math.max(1, Math.round(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)),
  };
}

/**
 * `unknown`, with why. z3 says "canceled" both when the work limit stops it and when it is
 * interrupted (and its Optimize says so for its own time-out too): the clock tells them apart.
 */
function unknown(detail: string, elapsedMs: number, timeoutMs: number): CheckResult {
  const timedOut = /timeout/i.test(detail) || elapsedMs >= timeoutMs;
  if (timedOut) return { status: "unknown", reason: "timeout", detail };
  if (/canceled|cancelled|interrupt|resource/i.test(detail)) {
    return { status: "unknown", reason: "work limit", detail };
  }
  return { status: "unknown", reason: "incomplete", detail };
}

function readModel(
  ctx: Z3Context,
  translator: Translator,
  model: Z3Model<"nnkit">,
  variables: ReadonlyMap<string, Sort>,
): Model | undefined {
  const values: Record<string, Ratio> = {};
  for (const [name, sort] of variables) {
    const value = model.eval(translator.variable(name, sort), true);
    if (ctx.isIntVal(value)) values[name] = { num: value.value(), den: 1n };
    else if (ctx.isRealVal(value)) {
      const { numerator, denominator } = value.value();
      values[name] = { num: numerator, den: denominator };
    } else return undefined;
  }
  return values;
}

/**
 * Runs one solver call with z3's own timeout, and interrupts it from here too if z3 overruns by
 * far: z3's clock starts only once its worker thread runs, which on a loaded machine can be
 * seconds after the call (the timer is unref'd, so it never keeps the process alive).
 */
async function bounded<T>(ctx: Z3Context, timeoutMs: number, run: () => Promise<T>): Promise<T> {
  const guard = setTimeout(() => ctx.interrupt(), 2 * timeoutMs + 10_000);
  guard.unref?.();
  try {
    return await run();
  } finally {
    clearTimeout(guard);
  }
}

/** Decides whether `formula` has a model: `unsat` (none exists), `sat` with one, or `unknown`. */
export async function check(formula: Formula, options: CheckOptions = {}): Promise<CheckResult> {
  const { workLimit, timeoutMs } = limits(options);
  const variables = variablesOf(formula);
  const ctx = await z3();
  const translator = new Translator(ctx);
  const solver = new ctx.Solver();
  solver.set("rlimit", workLimit);
  solver.set("timeout", timeoutMs);
  solver.add(translator.formula(formula));
  const start = performance.now();
  const answer = await bounded(ctx, timeoutMs, () => solver.check());
  if (answer === "unsat") return { status: "unsat" };
  if (answer === "unknown") {
    return unknown(solver.reasonUnknown(), performance.now() - start, timeoutMs);
  }
  const model = readModel(ctx, translator, solver.model(), variables);
  if (model === undefined) {
    return { status: "unknown", reason: "irrational model", detail: "the model is not rational" };
  }
  return { status: "sat", model };
}

export type MinimizeResult =
  | { readonly status: "unsat" }
  | {
      readonly status: "sat";
      readonly model: Model;
      /** max |v| over the minimised variables in `model`. */
      readonly magnitude: Ratio;
      /**
       * True when the solver proved no model has a smaller magnitude; false when it ran out of
       * work or time.
       */
      readonly minimal: boolean;
    }
  | { readonly status: "unknown"; readonly reason: UnknownReason; readonly detail: string };

export interface MinimizeOptions extends CheckOptions {
  /** The variables whose largest |v| is minimised (default: every variable of the formula). */
  readonly variables?: readonly string[];
}

function magnitudeOf(model: Model, names: readonly string[]): Ratio {
  let best: Ratio = { num: 0n, den: 1n };
  for (const name of names) {
    const { num, den } = model[name]!;
    const size = num < 0n ? -num : num;
    if (size * best.den > best.num * den) best = { num: size, den };
  }
  return best;
}

/**
 * A model of `formula` whose largest |v| over `variables` is as small as possible (z3's Optimize):
 * first any model, then the optimiser, each with `workLimit`, both within `timeoutMs` (not
 * counting the solver's start). When the optimiser does not finish, the first model comes back
 * with `minimal: false`; which model comes back depends on the work done, not on the machine.
 * Over integers a minimal model is the first in `variables`' order among the smallest (the least
 * first variable, then the least second…): the same whatever the solver was asked before.
 */
export async function minimize(
  formula: Formula,
  options: MinimizeOptions = {},
): Promise<MinimizeResult> {
  const { workLimit, timeoutMs } = limits(options);
  await z3(); // starting the solver (once per thread) does not count against the time-out
  const start = performance.now();
  const first = await check(formula, { workLimit, timeoutMs });
  if (first.status !== "sat") return first;
  const variables = variablesOf(formula);
  const names = options.variables ?? [...variables.keys()];
  for (const name of names) {
    if (!variables.has(name))
      throw new RangeError(`minimize: ${name} is not a variable of the formula`);
  }
  const fallback: MinimizeResult = {
    status: "sat",
    model: first.model,
    magnitude: magnitudeOf(first.model, names),
    minimal: names.length === 0,
  };
  const left = Math.round(timeoutMs - (performance.now() - start));
  if (names.length === 0 || left < 1) return fallback;
  const ctx = await z3();
  const translator = new Translator(ctx);
  const isReal = names.some((name) => variables.get(name) === "real");
  const bound: Arith<"nnkit"> = isReal
    ? ctx.Real.const("nnkit!bound")
    : ctx.Int.const("nnkit!bound");
  const optimizer = new ctx.Optimize();
  optimizer.set("rlimit", workLimit);
  optimizer.set("timeout", left);
  optimizer.add(translator.formula(formula));
  for (const name of names) {
    const sort = variables.get(name)!;
    const value = translator.variable(name, sort);
    const widened = isReal && sort === "int" ? ctx.ToReal(value) : value;
    optimizer.add(bound.ge(widened), bound.ge(widened.neg()));
  }
  optimizer.minimize(bound);
  // Ties broken by the smallest first variable, then the next (z3 optimises objectives in the
  // order given): for integers the point is then the formula's alone, not one that depends on
  // what the solver was asked before (a batch's threads share their decisions). Reals are left
  // alone: a smallest real may not exist (x > 1).
  if (!isReal) for (const name of names) optimizer.minimize(translator.variable(name, "int"));
  const answer = await bounded(ctx, left, () => optimizer.check());
  if (answer !== "sat") return fallback;
  const model = readModel(ctx, translator, optimizer.model(), variables);
  if (model === undefined) return fallback;
  return { status: "sat", model, magnitude: magnitudeOf(model, names), minimal: true };
}
