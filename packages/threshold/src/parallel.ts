// Verification of a large box on several threads: each thread walks the whole box in the
// documented order but checks only its part of the runs (ShellOdometer.partOf), so the verdict is
// the one `verify` gives: on a pass every input was checked; on a failure the counterexample is the
// first in the documented order (the earliest of the parts' first ones, once every part has
// finished that shell). Threads are started only for boxes large enough to repay their start
// (tens of milliseconds each); targets and assumptions cross to them as data: a built-in target
// by name, any other by its logical form. Anything else is verified on the calling thread.
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
import {
  type Counts,
  checkFit,
  type PartOptions,
  readTarget,
  type Verification,
  type VerifyOptions,
  verify,
  verifyPart,
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

/** What one verifying thread is given. */
export interface PartRequest {
  readonly network: NetworkJSON;
  readonly target: TargetSpec;
  readonly ranges: readonly (readonly [number, number])[];
  readonly assumption?: { readonly condition: Condition; readonly name: string };
  readonly part: number;
  readonly parts: number;
  readonly timeBudgetMs?: number;
  readonly exact?: boolean;
  /** Int32 cell: the smallest shell where some part found a counterexample. */
  readonly stop: SharedArrayBuffer;
}

/** A thread's answer: plain data (no Rationals, no trace; the caller rebuilds the trace). */
export type PartAnswer =
  | { readonly ok: true; readonly verification: PlainVerification }
  | { readonly ok: false; readonly reason: string };

type PlainVerification =
  | ({ readonly status: "pass" } & Counts)
  | ({
      readonly status: "fail";
      readonly counterexample: {
        readonly input: readonly number[];
        readonly expected: readonly number[];
        readonly actual: readonly number[];
      };
    } & Counts)
  | ({ readonly status: "incomplete"; readonly completeUpTo: number | null } & Counts);

const NO_STOP = 0x7fffffff;

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

/** Verifies one part in this thread (the worker's whole job; also used for tests). */
export function verifyRequestedPart(request: PartRequest): PlainVerification {
  const stop = new Int32Array(request.stop);
  const domain = intRanges(
    request.ranges,
    request.assumption &&
      conditionAssumption(request.assumption.condition, request.assumption.name),
  );
  const options: PartOptions = {
    part: { index: request.part, count: request.parts },
    stopAfterShell: () => Atomics.load(stop, 0),
    ...(request.timeBudgetMs === undefined ? {} : { timeBudgetMs: request.timeBudgetMs }),
    ...(request.exact === undefined ? {} : { exact: request.exact }),
  };
  const result = verifyPart(
    fromJSON(request.network),
    targetFromSpec(request.target),
    domain,
    options,
  );
  if (result.status !== "fail") return result;
  const { input, expected, actual } = result.counterexample;
  // Tell the other parts: shells beyond this one cannot hold the first counterexample.
  const shell = Math.max(...input.map(Math.abs));
  for (let seen = Atomics.load(stop, 0); shell < seen; seen = Atomics.load(stop, 0)) {
    if (Atomics.compareExchange(stop, 0, seen, shell) === seen) break;
  }
  return { ...result, counterexample: { input, expected, actual } };
}

/** Position of v in a coordinate's documented order (0, −1, 1, −2, 2, …) as a sortable pair. */
function compareInputs(a: readonly number[], b: readonly number[]): number {
  const shell = (x: readonly number[]) => Math.max(...x.map(Math.abs));
  const byShell = shell(a) - shell(b);
  if (byShell !== 0) return byShell;
  for (let j = 0; j < a.length; j++) {
    const d = Math.abs(a[j]!) - Math.abs(b[j]!) || a[j]! - b[j]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** The parts' answers as one verdict, the one a single thread would give (see the header). */
export function mergeParts(
  net: Network,
  domain: Domain,
  parts: readonly PlainVerification[],
  elapsedMs: number,
): Verification {
  const sum = (key: "visited" | "checked" | "skipped") =>
    parts.reduce((total, p) => total + p[key], 0);
  const first = parts[0]!;
  const exactWork = parts.some((p) => p.exactWork)
    ? {
        units: parts.reduce((t, p) => t + (p.exactWork?.units ?? 0), 0),
        inputs: parts.reduce((t, p) => t + (p.exactWork?.inputs ?? 0), 0),
      }
    : undefined;
  const counts: Counts = {
    target: first.target,
    ...(first.assumption === undefined ? {} : { assumption: first.assumption }),
    engine: first.engine,
    ...(first.engineReason === undefined ? {} : { engineReason: first.engineReason }),
    ...(exactWork === undefined ? {} : { exactWork }),
    visited: sum("visited"),
    checked: sum("checked"),
    skipped: sum("skipped"),
    total: domain.size,
    elapsedMs,
  };
  const failures = parts.flatMap((p) => (p.status === "fail" ? [p.counterexample] : []));
  failures.sort((a, b) => compareInputs(a.input, b.input));
  const earliest = failures[0];
  const unfinished = parts.flatMap((p) => (p.status === "incomplete" ? [p.completeUpTo] : []));
  if (earliest !== undefined) {
    const shell = Math.max(...earliest.input.map(Math.abs));
    // Stopped parts finished every shell up to the counterexample's (or it might not be first).
    if (unfinished.every((done) => done !== null && done >= shell)) {
      return {
        status: "fail",
        counterexample: {
          ...earliest,
          trace: traceExact(
            net,
            earliest.input.map((v) => Rational.integer(v)),
          ),
        },
        ...counts,
      };
    }
  }
  if (unfinished.length > 0) {
    const completeUpTo = unfinished.some((done) => done === null)
      ? null
      : Math.min(...(unfinished as number[]));
    return { status: "incomplete", completeUpTo, ...counts };
  }
  return { status: "pass", ...counts };
}

/** Where the worker's entry is: beside this file in dist; tests (TypeScript sources) use the build. */
function workerUrl(): URL {
  const here = new URL(import.meta.url);
  return here.pathname.endsWith(".ts")
    ? new URL("../dist/verify-worker.js", here)
    : new URL("./verify-worker.js", here);
}

type WorkerClass = typeof import("node:worker_threads").Worker;

/** Starts a thread verifying one part (synchronously: it runs while this thread works). */
function onThread(Worker: WorkerClass, request: PartRequest): Promise<PlainVerification> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl(), { workerData: request });
    worker.once("message", (answer: PartAnswer) => {
      void worker.terminate();
      if (answer.ok) resolve(answer.verification);
      else reject(new Error(answer.reason));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`verification thread stopped (${code})`)));
  });
}

/**
 * `verify` on `threads` threads (this one and worker threads, Node), for large boxes: the same verdict, counts summed
 * over the parts (on a failure, the parts may have visited more inputs than a single thread would
 * have before stopping). Small boxes, one thread, one-input boxes, targets or assumptions without
 * a logical form, and a thread that cannot start are verified on the calling thread instead.
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
  const stop = new SharedArrayBuffer(4);
  new Int32Array(stop)[0] = NO_STOP;
  const base = {
    network: toJSON(net),
    target: spec,
    ranges: domain.ranges,
    ...(assumptionForm === undefined
      ? {}
      : { assumption: { condition: assumptionForm, name: assumption!.name } }),
    parts: threads,
    ...(options.timeBudgetMs === undefined ? {} : { timeBudgetMs: options.timeBudgetMs }),
    ...(options.exact === undefined ? {} : { exact: options.exact }),
    stop,
  };
  const { Worker } = await import("node:worker_threads");
  // Part 0 runs here while the other parts' threads start and run (one thread fewer to start).
  const others = Array.from({ length: threads - 1 }, (_, k) =>
    onThread(Worker, { ...base, part: k + 1 }),
  );
  // A thread that fails is seen after this thread's part; until then its rejection is handled.
  for (const other of others) other.catch(() => {});
  const own = verifyRequestedPart({ ...base, part: 0 });
  let answers: PlainVerification[];
  try {
    answers = [own, ...(await Promise.all(others))];
  } catch {
    return sequential();
  }
  return mergeParts(net, domain, answers, performance.now() - start);
}
