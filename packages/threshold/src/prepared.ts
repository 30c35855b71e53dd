import type { Domain } from "./domain.js";
import { ThresholdError } from "./errors.js";
import { traceExact } from "./evaluate.js";
import type { Network } from "./network.js";
import { Rational } from "./rational.js";
import { recordSchedule, replaySchedule, type Schedule } from "./schedule.js";
import type { Target } from "./target.js";
import {
  type Counts,
  checkFit,
  chooseEvaluator,
  engineCounts,
  readTarget,
  type Verification,
} from "./verify.js";

/** Largest box a preparation walks: it keeps a few numbers per input that satisfies the assumption. */
export const MAX_PREPARED_INPUTS = 2 ** 24;

/**
 * One target on one domain, walked once: `verify(net)` gives exactly what
 * `verify(net, target, domain)` gives (same order, counterexample, trace and counts; only
 * `elapsedMs` differs) without testing the assumption or the target again, so checking many
 * networks against the same question (grading a class) costs only their evaluation.
 */
export interface PreparedVerification {
  readonly target: string;
  readonly domain: Domain;
  /** Checks `net` on every input of the domain; there is no time budget. */
  verify(net: Network): Verification;
}

/** Walks `domain` once in verification order, recording the target's values where it is assumed. */
export function prepareVerification(
  target: Target | ((input: ArrayLike<number>) => boolean),
  domain: Domain,
): PreparedVerification {
  if (domain.size > MAX_PREPARED_INPUTS) {
    throw new ThresholdError(
      "prepareVerification",
      "domain",
      `the domain has ${domain.size} inputs; at most ${MAX_PREPARED_INPUTS} can be prepared`,
    );
  }
  const goal = readTarget(target);
  const arity = domain.ranges.length;
  const outputs = goal.kind === "predicate" ? 1 : goal.outputs(arity);
  const schedule = recordSchedule(goal, domain, outputs);
  return {
    target: goal.name,
    domain,
    verify: (net) => {
      checkFit(net, goal, domain);
      return verifyScheduled(net, goal, domain, schedule);
    },
  };
}

/** The scan of `verify` replayed on the schedule: same evaluator, same order, same verdict. */
function verifyScheduled(
  net: Network,
  goal: Target,
  domain: Domain,
  schedule: Schedule,
): Verification {
  const start = performance.now();
  const choice = chooseEvaluator(net, domain, false);
  const { evaluator } = choice;
  const { runPrefix, runEntries, lastValue, expected, leading, outputs: width } = schedule;
  const outputs = evaluator.outputs;
  const counts = (visited: number, checked: number): Counts => ({
    target: goal.name,
    ...(domain.assumption ? { assumption: domain.assumption.name } : {}),
    ...engineCounts(choice),
    visited,
    checked,
    skipped: visited - checked,
    total: domain.size,
    elapsedMs: performance.now() - start,
  });
  const mismatch = replaySchedule(evaluator, schedule);
  if (mismatch !== undefined) {
    const { entry: e, at } = mismatch;
    const run = runOf(runEntries, e);
    const input = [...runPrefix.subarray(run * leading, (run + 1) * leading), lastValue[e]!];
    return {
      status: "fail",
      counterexample: {
        input,
        expected: Array.from(expected.subarray(e * width, (e + 1) * width)),
        actual: Array.from(outputs.subarray(at, at + width)),
        trace: traceExact(
          net,
          input.map((v) => Rational.integer(v)),
        ),
      },
      ...counts(schedule.visitedBefore[e]! + 1, e + 1),
    };
  }
  return { status: "pass", ...counts(schedule.visited, lastValue.length) };
}

/** The kept run holding `entry` (binary search over the runs' entry starts). */
function runOf(runEntries: Int32Array, entry: number): number {
  let low = 0;
  let high = runEntries.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (runEntries[middle]! <= entry) low = middle;
    else high = middle - 1;
  }
  return low;
}
