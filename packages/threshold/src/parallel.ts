// Verification of a large box on several threads. The box is cut into blocks (`ShellBlocks`, in
// the documented order) that the calling thread and worker threads take one at a time from a
// shared counter, so a thread that starts late or runs slower simply takes fewer; each block's
// counts go to shared memory. The verdict is the one `verify` gives, whoever took which block: on
// a pass the counts are the sums; on a failure the counterexample is the one in the lowest block
// holding one, and the counts are those of the blocks before it and of its block up to it, once
// every block before it is done. Worker threads are kept between calls (thread-pool.ts), and are
// used only for boxes large enough to repay a thread's first start (tens of milliseconds);
// targets and assumptions cross to them as data: a built-in target by name, any other by its
// logical form. Anything else is verified on the calling thread.
import { ShellBlocks } from "./blocks.js";
import type { Condition } from "./condition.js";
import { conditionAssumption, type Domain, intRanges } from "./domain.js";
import { traceExact } from "./evaluate.js";
import { fromJSON, type NetworkJSON, toJSON } from "./json.js";
import type { Network } from "./network.js";
import { Rational } from "./rational.js";
import {
  allEqual,
  and,
  conditionTarget,
  isPermutation,
  isSorted,
  majority,
  memberOf,
  or,
  sortedAscending,
  type Target,
  xor,
} from "./target.js";
import { onPooledThread } from "./thread-pool.js";
import {
  type Counts,
  checkFit,
  type Deal,
  type DealtShare,
  newDeal,
  readTarget,
  type Verification,
  type VerifyOptions,
  verify,
  verifyDealt,
} from "./verify.js";

/** Boxes smaller than this are verified on the calling thread: a thread's start costs more. */
export const PARALLEL_MIN_INPUTS = 2_000_000;

export interface ParallelVerifyOptions extends Omit<VerifyOptions, "onProgress" | "now"> {
  /** Threads to use (default 2; 1 verifies on the calling thread). */
  readonly threads?: number;
  /** Boxes with fewer inputs are verified on the calling thread (default PARALLEL_MIN_INPUTS). */
  readonly minInputs?: number;
}

const BUILT_IN_TARGETS: Readonly<Record<string, Target>> = {
  memberOf,
  isPermutation,
  isSorted,
  and,
  or,
  xor,
  majority,
  allEqual,
  sortedAscending,
};

/** A target as data a thread can rebuild: a built-in's name, or a predicate's logical form. */
export type TargetSpec =
  | { readonly builtIn: string }
  | { readonly condition: Condition; readonly name: string };

/** What one verifying thread is given (the deal's arrays are shared, not copied). */
export interface ShareRequest {
  readonly network: NetworkJSON;
  readonly target: TargetSpec;
  readonly ranges: readonly (readonly [number, number])[];
  readonly assumption?: { readonly condition: Condition; readonly name: string };
  readonly deal: Deal;
  /** When to stop, in milliseconds since the epoch (`performance.timeOrigin + now()`). */
  readonly deadline?: number;
  readonly exact?: boolean;
}

/** A thread's answer: plain data (no Rationals, no trace; the caller rebuilds the trace). */
export type ShareAnswer =
  | { readonly ok: true; readonly share: DealtShare }
  | { readonly ok: false; readonly reason: string };

function targetSpec(target: Target, arity: number): TargetSpec | undefined {
  for (const [name, builtIn] of Object.entries(BUILT_IN_TARGETS)) {
    if (builtIn === target) return { builtIn: name };
  }
  const condition = target.kind === "predicate" ? target.condition?.(arity) : undefined;
  return condition === undefined ? undefined : { condition, name: target.name };
}

/** The target a thread verifies against. */
function targetFromSpec(spec: TargetSpec): Target {
  if ("builtIn" in spec) {
    const target = BUILT_IN_TARGETS[spec.builtIn];
    if (target === undefined) throw new Error(`no built-in target ${spec.builtIn}`);
    return target;
  }
  return conditionTarget(spec.condition, spec.name);
}

/** A clock every thread of the process reads alike. */
const epochNow = () => performance.timeOrigin + performance.now();

/** Verifies this thread's share of a request (the worker's whole job; also the caller's). */
export function verifyRequestedShare(request: ShareRequest): DealtShare {
  const domain = intRanges(
    request.ranges,
    request.assumption &&
      conditionAssumption(request.assumption.condition, request.assumption.name),
  );
  return verifyDealt(
    fromJSON(request.network),
    targetFromSpec(request.target),
    domain,
    request.deal,
    {
      now: epochNow,
      ...(request.deadline === undefined ? {} : { deadline: request.deadline }),
      ...(request.exact === undefined ? {} : { exact: request.exact }),
    },
  );
}

/**
 * The first block not walked to its end, up to `end` (exclusive); −1 if all were. Blocks at and
 * after a counterexample's are not needed, so `end` is that block when there is one.
 */
function firstUnfinished(deal: Deal, end: number): number {
  for (let b = 0; b < end; b++) if (Atomics.load(deal.done, b) !== 1) return b;
  return -1;
}

/** The lowest-numbered counterexample the shares found. */
function earliestCounterexample(shares: readonly DealtShare[]) {
  let earliest: DealtShare["counterexample"];
  for (const { counterexample } of shares) {
    if (
      counterexample !== undefined &&
      (earliest === undefined || counterexample.block < earliest.block)
    ) {
      earliest = counterexample;
    }
  }
  return earliest;
}

/** The threads' shares of a dealt box as one verdict, the one a single thread gives (see the header). */
export function mergeShares(
  net: Network,
  goal: Target,
  domain: Domain,
  deal: Deal,
  shares: readonly DealtShare[],
  elapsedMs: number,
): Verification {
  const blocks = new ShellBlocks(domain.ranges);
  const earliest = earliestCounterexample(shares);
  const unfinished = firstUnfinished(deal, earliest?.block ?? blocks.count);
  // A failure's counts are those of a single thread: the blocks up to the counterexample's. An
  // unfinished box's are all the threads visited.
  const counted = earliest !== undefined && unfinished < 0 ? earliest.block + 1 : blocks.count;
  let visited = 0;
  let skipped = 0;
  for (let b = 0; b < counted; b++) {
    visited += deal.counts[2 * b]!;
    skipped += deal.counts[2 * b + 1]!;
  }
  const first = shares[0]!;
  const exactWork = shares.some((s) => s.exactWork)
    ? {
        units: shares.reduce((t, s) => t + (s.exactWork?.units ?? 0), 0),
        inputs: shares.reduce((t, s) => t + (s.exactWork?.inputs ?? 0), 0),
      }
    : undefined;
  const counts: Counts = {
    target: goal.name,
    ...(domain.assumption === undefined ? {} : { assumption: domain.assumption.name }),
    engine: first.engine,
    ...(first.engineReason === undefined ? {} : { engineReason: first.engineReason }),
    ...(exactWork === undefined ? {} : { exactWork }),
    visited,
    checked: visited - skipped,
    skipped,
    total: domain.size,
    elapsedMs,
  };
  if (unfinished >= 0) {
    const shell = blocks.shellOf(unfinished);
    return {
      status: "incomplete",
      completeUpTo: shell > blocks.minShell ? shell - 1 : null,
      ...counts,
    };
  }
  if (earliest === undefined) return { status: "pass", ...counts };
  const { input, expected, actual } = earliest;
  const trace = traceExact(
    net,
    input.map((v) => Rational.integer(v)),
  );
  return { status: "fail", counterexample: { input, expected, actual, trace }, ...counts };
}

/** Where the worker's entry is: beside this file in dist; tests (TypeScript sources) use the build. */
function workerUrl(): URL {
  const here = new URL(import.meta.url);
  return here.pathname.endsWith(".ts")
    ? new URL("../dist/verify-worker.js", here)
    : new URL("./verify-worker.js", here);
}

type WorkerClass = typeof import("node:worker_threads").Worker;

/** A share verified on a pooled worker thread (the request is posted before this returns). */
async function onThread(Worker: WorkerClass, request: ShareRequest): Promise<DealtShare> {
  const answer = await onPooledThread<ShareRequest, ShareAnswer>(Worker, workerUrl(), request);
  if (!answer.ok) throw new Error(answer.reason);
  return answer.share;
}

/**
 * `verify` on `threads` threads (this one and worker threads, Node), for large boxes: the same
 * verdict with the same counts, whichever thread took which block (the float engine's `exactWork`
 * is summed over the threads, which may have gone past a counterexample). Small boxes, one
 * thread, one-input boxes, targets or assumptions without a logical form, and a thread that
 * cannot start are verified on the calling thread instead. Worker threads stay for later calls
 * (they do not keep the process alive).
 */
export async function verifyParallel(
  net: Network,
  target: Target | ((input: ArrayLike<number>) => boolean),
  domain: Domain,
  options: ParallelVerifyOptions = {},
): Promise<Verification> {
  const goal = readTarget(target);
  checkFit(net, goal, domain);
  const threads = Math.max(1, Math.floor(options.threads ?? 2));
  const arity = domain.ranges.length;
  const spec = targetSpec(goal, arity);
  const assumption = domain.assumption;
  const assumptionForm = assumption?.condition?.(arity);
  const sequential = () => verify(net, goal, domain, options);
  if (
    threads === 1 ||
    arity < 2 ||
    domain.size < (options.minInputs ?? PARALLEL_MIN_INPUTS) ||
    spec === undefined ||
    (assumption !== undefined && assumptionForm === undefined)
  ) {
    return sequential();
  }
  const start = performance.now();
  const blocks = new ShellBlocks(domain.ranges);
  const deal = newDeal(blocks.count);
  const request: ShareRequest = {
    network: toJSON(net),
    target: spec,
    ranges: domain.ranges,
    ...(assumptionForm === undefined
      ? {}
      : { assumption: { condition: assumptionForm, name: assumption!.name } }),
    deal,
    ...(options.timeBudgetMs === undefined ? {} : { deadline: epochNow() + options.timeBudgetMs }),
    ...(options.exact === undefined ? {} : { exact: options.exact }),
  };
  const { Worker } = await import("node:worker_threads");
  // The other threads are asked first; this thread takes blocks while they start.
  const others = Array.from({ length: threads - 1 }, () => onThread(Worker, request));
  // A thread that fails is seen after this thread's share; until then its rejection is handled.
  for (const other of others) other.catch(() => {});
  const own = verifyDealt(net, goal, domain, deal, {
    now: epochNow,
    ...(request.deadline === undefined ? {} : { deadline: request.deadline }),
    ...(options.exact === undefined ? {} : { exact: options.exact }),
  });
  // Waited for even when this thread did all the work: then the thread is idle again for the
  // next call, not started anew beside a busy one.
  let shares: DealtShare[];
  try {
    shares = [own, ...(await Promise.all(others))];
  } catch {
    return sequential();
  }
  return mergeShares(net, goal, domain, deal, shares, performance.now() - start);
}
