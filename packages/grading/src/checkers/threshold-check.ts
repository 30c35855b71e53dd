import {
  MAX_PREPARED_INPUTS,
  type Network,
  prepareVerification,
  type Question as ThresholdQuestion,
  toJSON,
  type Verification,
  verify,
} from "@nnkit/threshold";
import type { AnswerValue } from "../answers/answer-value.js";
import { rememberBounded } from "../bounded-memo.js";
import { decisionCache } from "../certify/decision-cache.js";
import {
  type Solved,
  type SolverLimits,
  solverLimits,
  solveSync,
  type ThresholdAnswer,
} from "../certify/solver-thread.js";
import { type Check, graded, invalid, review } from "./check.js";
import type { Counterexample, Scope } from "./outcome.js";
import {
  type AnswerNetworkResult,
  type NetworkForm,
  readAnswerNetwork,
} from "./threshold-network.js";

export interface ThresholdCheckOptions {
  /** The question as @nnkit/threshold states it: target, arity, assumption, domain. */
  readonly question: ThresholdQuestion;
  /** Inputs range over lo..hi (integers) when verifying. */
  readonly range: readonly [number, number];
  /** How the answer gives its network. */
  readonly form: NetworkForm;
  /** Activation used where the answer names none (the handout's φ). */
  readonly defaultActivation: string;
  /** Weights (and biases) the network may have in all, which bounds verification time. */
  readonly maxParameters?: number;
  /**
   * The solver's work limit per network, in z3's resource units (default @nnkit/smt's): counted,
   * so the verdict does not depend on the machine's load.
   */
  readonly solverWorkLimit?: number;
  /** A wall-clock guard on the solver per network (default 20 000 ms; the work limit is the budget). */
  readonly solverTimeoutMs?: number;
}

/** A threshold check also says which network it would verify for an answer. */
export interface ThresholdCheck extends Check {
  readonly kind: "threshold";
  /** What the question asks of a network (target, arity, assumption, allowed activations). */
  readonly question: ThresholdQuestion;
  network(answer: AnswerValue): AnswerNetworkResult;
  /** Decisions asked of the solver, and those answered from this check's cache. */
  readonly decisions: { readonly solved: number; readonly cached: number };
}

/** Networks whose box verdict a check remembers (one class's distinct answers, many times over). */
const BOX_CACHE_SIZE = 1024;

export function isThresholdCheck(check: Check): check is ThresholdCheck {
  return check.kind === "threshold" && "network" in check;
}

/**
 * Builds the student's network and checks it with @nnkit/threshold on every input of a small box
 * (the smallest counterexample near the origin); if none is found there, the solver decides the
 * question over all integer inputs: `correct` only with a proof, wrong with a counterexample the
 * solver found (minimised and checked exactly), else `review` naming the box that was enumerated.
 * A failure shows the counterexample input, the expected and the actual output, and every layer's
 * values.
 */
export function thresholdCheck(options: ThresholdCheckOptions): ThresholdCheck {
  const readOptions = {
    form: options.form,
    defaultActivation: options.defaultActivation,
    arity: options.question.arity,
    maxParameters: options.maxParameters ?? 600,
  };
  const [lo, hi] = options.range;
  let verifyAnswer: ((net: Network) => Verification) | undefined;
  const limits = solverLimits(options);
  // A network's decision depends on the question's logical forms and the solver's limits.
  let scope: string | undefined;
  const decisions = decisionCache<ThresholdAnswer>(
    (answer) => answer.verdict !== "unknown",
    () => {
      scope ??= questionScope(options.question, limits);
      return scope;
    },
  );
  const decideAnswer = (key: string, net: Network): Solved<ThresholdAnswer> =>
    decisions.decide(key, () => solveOverIntegers(options.question, net, limits));
  // The box's verdict on a network, remembered as decisions are (a class submits the same network
  // many times): enumerating the box costs milliseconds per file. Only finished checks are kept.
  const boxVerdicts = new Map<string, Verification>();
  const verifyInBox = (key: string, net: Network): Verification => {
    const known = boxVerdicts.get(key);
    if (known !== undefined) return known;
    verifyAnswer ??= verifier(options.question, lo, hi);
    const result = verifyAnswer(net);
    if (result.status === "pass" || result.status === "fail") {
      rememberBounded(boxVerdicts, key, result, BOX_CACHE_SIZE);
    }
    return result;
  };
  return {
    kind: "threshold",
    usesSolver: true,
    question: options.question,
    decisions: decisions.stats,
    network: (answer) => readAnswerNetwork(answer, readOptions),
    grade(answer) {
      const read = readAnswerNetwork(answer, readOptions);
      if (!read.ok) {
        return read.verdict === "wrong"
          ? graded(0, { kind: "network-refused", reason: read.reason })
          : invalid(read.reason);
      }
      const key = JSON.stringify(toJSON(read.network));
      const result = verifyInBox(key, read.network);
      // What was checked: every input of the box (a proof over all integers is the solver's).
      const scope: Scope = {
        kind: "enumerated",
        box: { lo, hi },
        count: result.checked,
        assumptions: result.assumption ? [result.assumption] : [],
      };
      if (result.status === "fail") {
        const { input, expected, actual, trace } = result.counterexample;
        const text = (values: readonly unknown[]) => values.map(String);
        return wrongAt(scope, {
          input: text(input),
          expected: text(expected),
          actual: text(actual),
          trace: trace.layers.map((layer) => ({
            ...(layer.name === undefined ? {} : { name: layer.name }),
            preActivation: text(layer.preActivation),
            activation: text(layer.activation),
          })),
        });
      }
      if (result.status === "pass") {
        const solved = decideAnswer(key, read.network);
        if (!solved.ok) return review(`not decided: ${solved.reason}`, { scope });
        const answer = solved.answer;
        switch (answer.verdict) {
          case "proved":
            return graded(
              1,
              { kind: "correct" },
              {
                scope: {
                  kind: "proof",
                  domain: "all integer inputs",
                  assumptions: scope.assumptions,
                },
              },
            );
          case "refuted": {
            const names = read.network.layers.map((layer) => layer.name);
            return wrongAt(scope, {
              input: answer.input,
              expected: answer.expected,
              actual: answer.actual,
              trace: answer.trace.map((layer, l) => ({
                ...(names[l] === undefined ? {} : { name: names[l] }),
                ...layer,
              })),
            });
          }
          case "disallowed activation":
            return graded(0, {
              kind: "network-refused",
              reason: `activation not allowed: ${answer.detail}`,
            });
          case "unknown":
            return review(
              `not decided over all integer inputs (${answer.reason}: ${answer.detail})`,
              {
                scope,
              },
            );
        }
      }
      return review("verification did not finish", { scope });
    },
  };
}

function wrongAt(scope: Scope, counterexample: Omit<InputCounterexample, "kind">) {
  return graded(
    0,
    { kind: "network-wrong" },
    { scope, counterexample: { kind: "input", ...counterexample } },
  );
}

type InputCounterexample = Extract<Counterexample, { kind: "input" }>;

/** What the solver is asked about every network of a question, as text (bigints as digits). */
function questionScope(question: ThresholdQuestion, limits: SolverLimits): string {
  const request = {
    target:
      question.target.kind === "predicate" ? question.target.condition?.(question.arity) : null,
    assumption: question.assumption?.condition?.(question.arity) ?? null,
    hasAssumption: question.assumption !== undefined,
    arity: question.arity,
    allowedActivations: question.allowedActivations ?? null,
    ...limits,
  };
  return JSON.stringify(request, (_, value) => (typeof value === "bigint" ? `${value}n` : value));
}

/** Asks the solver thread whether `net` answers `question` for every integer input. */
function solveOverIntegers(
  question: ThresholdQuestion,
  net: Network,
  limits: SolverLimits,
): Solved<ThresholdAnswer> {
  const target =
    question.target.kind === "predicate" ? question.target.condition?.(question.arity) : undefined;
  const assumption = question.assumption?.condition?.(question.arity);
  if (target === undefined || (question.assumption !== undefined && assumption === undefined)) {
    return { ok: false, reason: "the question has no logical form a solver can read" };
  }
  return solveSync<ThresholdAnswer>({
    kind: "threshold",
    network: toJSON(net),
    target,
    ...(assumption === undefined ? {} : { assumption }),
    arity: question.arity,
    ...(question.allowedActivations === undefined
      ? {}
      : { allowedActivations: question.allowedActivations }),
    ...limits,
  });
}

/**
 * The target's values on the domain are the same for every answer, so the domain is walked once
 * (on first use) and each answer only costs its network's evaluation; a domain too large to keep
 * is verified afresh each time.
 */
function verifier(
  question: ThresholdQuestion,
  lo: number,
  hi: number,
): (net: Network) => Verification {
  const domain = question.domain(lo, hi);
  if (domain.size > MAX_PREPARED_INPUTS) return (net) => verify(net, question.target, domain);
  const prepared = prepareVerification(question.target, domain);
  return (net) => prepared.verify(net);
}
