import * as smt from "@nnkit/smt";
import { type Condition, formatCondition, holdsExact, toFormula } from "./condition.js";
import { intRange } from "./domain.js";
import { ThresholdError } from "./errors.js";
import { type Trace, traceExact } from "./evaluate.js";
import type { Network } from "./network.js";
import { networkTerms } from "./network-formula.js";
import { type DisallowedActivation, disallowedActivation, type Question } from "./question.js";
import { Rational } from "./rational.js";
import { verify } from "./verify.js";

/** An input where the network's output differs from the target, checked by exact evaluation. */
export interface DecisionCounterexample {
  readonly input: readonly bigint[];
  readonly expected: readonly number[];
  readonly actual: readonly number[];
  readonly trace: Trace;
}

/** The box the enumerator walked: every input with entries in lo..hi; `count` were checked. */
export interface Enumerated {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

/**
 * Why a question was not decided: the solver used up its work limit, ran out of time (a
 * wall-clock guard), or gave up; the target or an
 * assumption has no logical form for a solver; or the solver's counterexample failed the exact
 * check (which would be a solver bug, so it is not believed).
 */
export type UndecidedReason =
  | "work limit"
  | "timeout"
  | "incomplete"
  | "no logical form"
  | "unconfirmed counterexample";

/**
 * `proved`: for every integer input satisfying the assumptions, the output equals the target.
 * `refuted`: a concrete counterexample (the enumerator's is the first in its smallest-first order;
 * the solver's has the smallest max |x_i| when `minimal`). `unknown`: neither within the time-out:
 * only the box in `enumerated` was checked. `disallowed activation`: the question forbids a
 * unit's activation, so nothing was decided.
 */
export type Decision =
  | {
      readonly verdict: "proved";
      readonly scope: { readonly domain: "all integers"; readonly assumptions: readonly string[] };
      readonly enumerated: Enumerated;
    }
  | {
      readonly verdict: "refuted";
      readonly counterexample: DecisionCounterexample;
      readonly foundBy: "enumeration" | "solver";
      readonly minimal: boolean;
      readonly enumerated: Enumerated;
    }
  | {
      readonly verdict: "unknown";
      readonly reason: UndecidedReason;
      readonly detail: string;
      readonly enumerated: Enumerated;
    }
  | ({ readonly verdict: "disallowed activation" } & DisallowedActivation);

export interface DecideOptions {
  /** The enumerator's box: every input entry in lo..hi (default −3..3). */
  readonly box?: readonly [number, number];
  /** The enumerator's time budget (default 2000 ms); an unfinished box goes to the solver. */
  readonly enumerationBudgetMs?: number;
  /**
   * The solver's work limit per call, in z3's resource units: counted, so the decision does not
   * depend on the machine or its load (default @nnkit/smt's, 10⁶).
   */
  readonly workLimit?: number;
  /** A wall-clock guard on the solver, minimisation included (default 10 000 ms). */
  readonly timeoutMs?: number;
}

/** Loads the solver `decide` asks (z3, about a second) ahead of a first decision. */
export function loadSolver(): Promise<void> {
  return smt.loadSolver();
}

/**
 * Decides whether `net` answers `question` over all integer inputs satisfying its assumption.
 * First the question's allowed activations; then the fast enumerator on a small box (it finds
 * the smallest counterexample near the origin); if it finds none, the solver is asked whether
 * some integer input satisfying the assumption gives an output other than the target. A solver
 * counterexample is minimised (smallest max |x_i|) and then checked by exact evaluation.
 */
export async function decide(
  net: Network,
  question: Question,
  options: DecideOptions = {},
): Promise<Decision> {
  const disallowed = disallowedActivation(net, question.allowedActivations);
  if (disallowed !== undefined) return { verdict: "disallowed activation", ...disallowed };
  const [lo, hi] = options.box ?? [-3, 3];
  const box = intRange(lo, hi, question.arity, question.assumption);
  const found = verify(net, question.target, box, {
    timeBudgetMs: options.enumerationBudgetMs ?? 2000,
  });
  const enumerated: Enumerated = { lo, hi, count: found.checked };
  if (found.status === "fail") {
    const { input, expected, actual, trace } = found.counterexample;
    return {
      verdict: "refuted",
      counterexample: { input: input.map(BigInt), expected, actual, trace },
      foundBy: "enumeration",
      minimal: lo === -hi,
      enumerated,
    };
  }
  const target = question.target;
  const targetForm = target.kind === "predicate" ? target.condition?.(question.arity) : undefined;
  const assumptionForm = question.assumption?.condition?.(question.arity);
  if (targetForm === undefined || (question.assumption !== undefined && !assumptionForm)) {
    const which = targetForm === undefined ? `target ${target.name}` : "the assumption";
    return {
      verdict: "unknown",
      reason: "no logical form",
      detail: `${which} has no logical form a solver can read`,
      enumerated,
    };
  }
  return solve(
    net,
    question.arity,
    targetForm,
    assumptionForm,
    {
      timeoutMs: options.timeoutMs ?? 10_000,
      ...(options.workLimit === undefined ? {} : { workLimit: options.workLimit }),
    },
    enumerated,
  );
}

async function solve(
  net: Network,
  arity: number,
  target: Condition,
  assumption: Condition | undefined,
  limits: smt.CheckOptions,
  enumerated: Enumerated,
): Promise<Decision> {
  if (net.outputSize !== 1) {
    throw new ThresholdError(
      "decide",
      "domain",
      `a predicate needs one output, the network has ${net.outputSize}`,
    );
  }
  const names = Array.from({ length: arity }, (_, i) => `x${i + 1}`);
  const x = names.map(smt.intVar);
  const [output] = networkTerms(net, x);
  const expected = smt.ite(toFormula(target, x), 1, 0);
  const wrong = smt.ne(output!, expected);
  const query = assumption === undefined ? wrong : smt.and(toFormula(assumption, x), wrong);
  const answer = await smt.minimize(query, { variables: names, ...limits });
  if (answer.status === "unsat") {
    return {
      verdict: "proved",
      scope: {
        domain: "all integers",
        assumptions: assumption === undefined ? [] : [formatCondition(assumption)],
      },
      enumerated,
    };
  }
  if (answer.status === "unknown") {
    const reason = answer.reason === "irrational model" ? "incomplete" : answer.reason;
    return { verdict: "unknown", reason, detail: answer.detail, enumerated };
  }
  const input = names.map((name) => answer.model[name]!.num);
  const confirmed = confirm(net, target, assumption, input);
  if (confirmed === undefined) {
    return {
      verdict: "unknown",
      reason: "unconfirmed counterexample",
      detail: `the solver's counterexample x = [${input.join(", ")}] failed the exact check`,
      enumerated,
    };
  }
  return {
    verdict: "refuted",
    counterexample: confirmed,
    foundBy: "solver",
    minimal: answer.minimal,
    enumerated,
  };
}

/** The counterexample if exact evaluation agrees that it is one, else undefined. */
function confirm(
  net: Network,
  target: Condition,
  assumption: Condition | undefined,
  input: readonly bigint[],
): DecisionCounterexample | undefined {
  if (assumption !== undefined && !holdsExact(assumption, input)) return undefined;
  const trace = traceExact(
    net,
    input.map((v) => Rational.integer(v)),
  );
  const expected = holdsExact(target, input) ? Rational.ONE : Rational.ZERO;
  const actual = trace.output[0]!;
  if (actual.equals(expected)) return undefined;
  return { input, expected: [expected.toNumber()], actual: [actual.toNumber()], trace };
}
