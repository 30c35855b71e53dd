import { ShellBlocks } from "./blocks.js";
import { compileNetwork } from "./compile.js";
import type { Assumption, Domain } from "./domain.js";
import { type Evaluator, ExactEvaluator, IncrementalEvaluator } from "./engine.js";
import { ThresholdError } from "./errors.js";
import { type Trace, traceExact } from "./evaluate.js";
import { CertifiedFloatEvaluator } from "./float-engine.js";
import type { Network } from "./network.js";
import { ShellOdometer } from "./order.js";
import { Rational } from "./rational.js";
import { tabulateFirstLayer } from "./table.js";
import { predicate, type Target } from "./target.js";

/** Counts so far; `visited = checked + skipped` inputs of `total` in the box. */
export interface Progress {
  readonly visited: number;
  readonly checked: number;
  readonly skipped: number;
  readonly total: number;
  readonly elapsedMs: number;
}

/** An input where the network disagrees with the target, with every layer's values. */
export interface Counterexample {
  readonly input: readonly number[];
  readonly expected: readonly number[];
  readonly actual: readonly number[];
  readonly trace: Trace;
}

/** Shared with prepared verification, which reports the same counts. */
export interface Counts extends Progress {
  readonly target: string;
  readonly assumption?: string;
  /**
   * "integer": exact integer arithmetic in doubles; "float": doubles with rigorous error bounds
   * and exact bigint evaluation of the units they cannot settle (when the integer form is too
   * large, see `engineReason`); "exact": rationals throughout (on request).
   */
  readonly engine: Engine;
  readonly engineReason?: string;
  /** The float engine's exact work: units decided in bigints, inputs evaluated from scratch. */
  readonly exactWork?: { readonly units: number; readonly inputs: number };
}

/**
 * The verdict. `pass`: every input satisfying the assumption was checked. `fail`: the first
 * counterexample in the documented order (smallest magnitude first), found after `checked` inputs.
 * `incomplete`: the time budget ran out after `checked` of `total`; every input with
 * max |x_j| ≤ `completeUpTo` was checked (null if not even the smallest shell was finished).
 */
export type Verification =
  | ({ readonly status: "pass" } & Counts)
  | ({ readonly status: "fail"; readonly counterexample: Counterexample } & Counts)
  | ({ readonly status: "incomplete"; readonly completeUpTo: number | null } & Counts);

export interface VerifyOptions {
  /** Stop after about this many milliseconds with an `incomplete` result. */
  readonly timeBudgetMs?: number;
  /** Called about every `progressIntervalMs` (default 250) during long runs. */
  readonly onProgress?: (progress: Progress) => void;
  readonly progressIntervalMs?: number;
  /** Force the exact rational evaluator (slow; the integer one is chosen when it is exact). */
  readonly exact?: boolean;
  /** The clock, in milliseconds (default `performance.now`); injectable for tests. */
  readonly now?: () => number;
}

const CLOCK_MASK = 4095; // look at the clock once every 4096 inputs

export function readTarget(target: Target | ((input: ArrayLike<number>) => boolean)): Target {
  return typeof target === "function" ? predicate(target.name || "predicate", target) : target;
}

export function checkFit(net: Network, target: Target, domain: Domain): void {
  const arity = domain.ranges.length;
  if (arity !== net.inputSize) {
    throw new ThresholdError(
      "verify",
      "domain",
      `domain has ${arity} inputs but the network expects ${net.inputSize}`,
    );
  }
  const outputs = target.kind === "predicate" ? 1 : target.outputs(arity);
  if (outputs !== net.outputSize) {
    throw new ThresholdError(
      "verify",
      "domain",
      `target ${target.name} needs ${outputs} output(s) but the network has ${net.outputSize}`,
    );
  }
  const problem = target.kind === "predicate" ? target.checkArity?.(arity) : undefined;
  if (problem !== undefined) {
    throw new ThresholdError("verify", "domain", `target ${target.name} ${problem}, got ${arity}`);
  }
}

export type Engine = "integer" | "float" | "exact";

export interface EngineChoice {
  readonly evaluator: Evaluator;
  readonly engine: Engine;
  readonly engineReason?: string;
}

export function chooseEvaluator(net: Network, domain: Domain, exact: boolean): EngineChoice {
  if (exact) {
    return { evaluator: new ExactEvaluator(net), engine: "exact", engineReason: "requested" };
  }
  const bounds = domain.ranges.map(([lo, hi]) => BigInt(Math.max(Math.abs(lo), Math.abs(hi))));
  const compiled = compileNetwork(net, bounds);
  if (!compiled.ok) {
    return {
      evaluator: new CertifiedFloatEvaluator(net),
      engine: "float",
      engineReason: compiled.reason,
    };
  }
  return {
    evaluator:
      tabulateFirstLayer(compiled.network, domain.ranges[domain.ranges.length - 1]) ??
      new IncrementalEvaluator(compiled.network),
    engine: "integer",
  };
}

/** The counts' engine fields for a choice (and the float engine's exact work so far). */
export function engineCounts(choice: EngineChoice) {
  const { evaluator, engine, engineReason } = choice;
  return {
    engine,
    ...(engineReason === undefined ? {} : { engineReason }),
    ...(evaluator instanceof CertifiedFloatEvaluator
      ? { exactWork: { units: evaluator.exactUnits, inputs: evaluator.exactInputs } }
      : {}),
  };
}

/** Where a scan stopped: a counterexample in the odometer's digits, the time budget, or the end. */
type ScanEnd = "counterexample" | "out of time" | "done";

interface ScanState {
  visited: number;
  skipped: number;
  /** The network's outputs at the counterexample. */
  actual?: number[];
}

/**
 * The hot loop, kept free of closures over its counters so they stay in registers. Per run of the
 * odometer (fixed x1..x_{n−1}): pass the changed leading inputs to the evaluator; then for each
 * value of the last input skip it if the assumption fails, evaluate, compare with the target.
 */
function scan(
  odometer: ShellOdometer,
  evaluator: Evaluator,
  target: Target,
  expected: Float64Array,
  assumption: Assumption | undefined,
  state: ScanState,
  tick: () => boolean,
): ScanEnd {
  const input = odometer.digits;
  const last = input.length - 1;
  const predicateTarget = target.kind === "predicate" ? target : undefined;
  const vector = target.kind === "function" ? target : undefined;
  const values = odometer.lastValues;
  const outputs = evaluator.outputs;
  let visited = state.visited;
  let skipped = state.skipped;
  let end: ScanEnd = "done";
  runs: for (;;) {
    const changed = odometer.nextRun();
    if (changed < 0) break;
    for (let j = changed; j < last; j++) evaluator.set(j, input[j]!);
    evaluator.startRun();
    for (let p = odometer.runStart; p < odometer.runEnd; p++) {
      if ((visited & CLOCK_MASK) === CLOCK_MASK) {
        state.visited = visited;
        state.skipped = skipped;
        if (!tick()) {
          end = "out of time";
          break runs;
        }
      }
      const value = values[p]!;
      input[last] = value;
      visited++;
      if (assumption !== undefined && !assumption.holds(input)) {
        skipped++;
        continue;
      }
      const at = evaluator.evaluateLast(value);
      // Called as methods, so targets written as objects keep their `this`.
      if (predicateTarget !== undefined) {
        const expectedValue = predicateTarget.test(input) ? 1 : 0;
        if (outputs[at] === expectedValue) continue;
        expected[0] = expectedValue;
      } else {
        vector!.compute(input, expected);
        let same = true;
        for (let i = 0; i < expected.length; i++) same &&= outputs[at + i] === expected[i];
        if (same) continue;
      }
      state.actual = Array.from(outputs.subarray(at, at + expected.length));
      end = "counterexample";
      break runs;
    }
  }
  state.visited = visited;
  state.skipped = skipped;
  return end;
}

/**
 * Checks `net` against `target` on every input of `domain` in the documented order (shells of
 * max |x_j| ascending; see {@link ShellOdometer}), streaming: memory does not grow with the domain.
 * Stops at the first counterexample, or when `timeBudgetMs` runs out.
 */
export function verify(
  net: Network,
  target: Target | ((input: ArrayLike<number>) => boolean),
  domain: Domain,
  options: VerifyOptions = {},
): Verification {
  const goal = readTarget(target);
  checkFit(net, goal, domain);
  const now = options.now ?? (() => performance.now());
  const start = now();
  const deadline = start + (options.timeBudgetMs ?? Number.POSITIVE_INFINITY);
  const progressEvery = options.progressIntervalMs ?? 250;
  const choice = chooseEvaluator(net, domain, options.exact ?? false);
  const { evaluator } = choice;
  const expected = new Float64Array(net.outputSize);
  const odometer = new ShellOdometer(domain.ranges);
  const state: ScanState = { visited: 0, skipped: 0 };
  const counts = (): Counts => ({
    target: goal.name,
    ...(domain.assumption ? { assumption: domain.assumption.name } : {}),
    ...engineCounts(choice),
    visited: state.visited,
    checked: state.visited - state.skipped,
    skipped: state.skipped,
    total: domain.size,
    elapsedMs: now() - start,
  });
  let nextProgress = start + progressEvery;
  const tick = (): boolean => {
    const time = now();
    if (time >= deadline) return false;
    if (options.onProgress && time >= nextProgress) {
      nextProgress = time + progressEvery;
      options.onProgress(counts());
    }
    return true;
  };
  const end = scan(odometer, evaluator, goal, expected, domain.assumption, state, tick);
  if (end === "done") return { status: "pass", ...counts() };
  if (end === "counterexample") {
    const values = Array.from(odometer.digits);
    return {
      status: "fail",
      counterexample: {
        input: values,
        expected: Array.from(expected),
        actual: state.actual ?? [],
        trace: traceExact(
          net,
          values.map((v) => Rational.integer(v)),
        ),
      },
      ...counts(),
    };
  }
  // The current shell is unfinished; every smaller one is done.
  const shell = odometer.currentShell();
  const smallest = Math.max(...domain.ranges.map(([lo, hi]) => (lo > 0 ? lo : hi < 0 ? -hi : 0)));
  return { status: "incomplete", completeUpTo: shell > smallest ? shell - 1 : null, ...counts() };
}

/** Where the control cells of a `Deal` are. */
export const NEXT_BLOCK = 0;
export const FAILED_BLOCK = 1;
/** The failed-block cell before any counterexample is found. */
export const NO_BLOCK = 0x7fffffff;

/**
 * What the threads verifying one box share, in shared memory: the next block to take and the
 * lowest block where a counterexample was found (`control`), and per block whether it was walked
 * to its end (`done`) and how many inputs were visited and skipped there (`counts`, in pairs).
 * From these the verdict is the one of a single thread, whoever took which block.
 */
export interface Deal {
  readonly control: Int32Array;
  readonly done: Int32Array;
  readonly counts: Float64Array;
}

/** A fresh deal for a box of `blocks` blocks (shared, so it can cross to worker threads). */
export function newDeal(blocks: number): Deal {
  const control = new Int32Array(new SharedArrayBuffer(8));
  control[FAILED_BLOCK] = NO_BLOCK;
  return {
    control,
    done: new Int32Array(new SharedArrayBuffer(4 * blocks)),
    counts: new Float64Array(new SharedArrayBuffer(16 * blocks)),
  };
}

/** A counterexample found in a dealt box, with its block. */
export interface DealtCounterexample {
  readonly block: number;
  readonly input: readonly number[];
  readonly expected: readonly number[];
  readonly actual: readonly number[];
}

/** What one thread's share of a dealt box found beyond the deal's counts. */
export interface DealtShare {
  readonly engine: Engine;
  readonly engineReason?: string;
  readonly exactWork?: { readonly units: number; readonly inputs: number };
  /** Its first counterexample (a thread stops there: later blocks cannot hold the first). */
  readonly counterexample?: DealtCounterexample;
}

export interface DealOptions {
  readonly exact?: boolean;
  /** When to stop, on the `now` clock (default: never). */
  readonly deadline?: number;
  readonly now?: () => number;
  /** Takes the next block (default: the deal's next, atomically); injectable for tests. */
  readonly take?: () => number;
}

/**
 * One thread's share of `verify` on a box cut into `ShellBlocks`: takes blocks in turn until none
 * is left, a counterexample is found, a block past an already found counterexample comes up, or
 * the deadline passes; records each block's counts in the deal.
 */
export function verifyDealt(
  net: Network,
  target: Target,
  domain: Domain,
  deal: Deal,
  options: DealOptions = {},
): DealtShare {
  checkFit(net, target, domain);
  const now = options.now ?? (() => performance.now());
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  const { control, done, counts } = deal;
  const take = options.take ?? (() => Atomics.add(control, NEXT_BLOCK, 1));
  const choice = chooseEvaluator(net, domain, options.exact ?? false);
  const blocks = new ShellBlocks(domain.ranges);
  const positions = new Int32Array(blocks.depth);
  const odometer = new ShellOdometer(domain.ranges);
  const expected = new Float64Array(net.outputSize);
  const state: ScanState = { visited: 0, skipped: 0 };
  let block = 0;
  // A block past a counterexample found elsewhere cannot hold the first one: drop it.
  const tick = () => now() < deadline && block <= Atomics.load(control, FAILED_BLOCK);
  for (;;) {
    block = take();
    if (block >= blocks.count || block > Atomics.load(control, FAILED_BLOCK)) break;
    odometer.startBlock(blocks.locate(block, positions), positions);
    const [visited, skipped] = [state.visited, state.skipped];
    const end = scan(odometer, choice.evaluator, target, expected, domain.assumption, state, tick);
    counts[2 * block] = state.visited - visited;
    counts[2 * block + 1] = state.skipped - skipped;
    if (end === "done") {
      Atomics.store(done, block, 1);
      continue;
    }
    if (end === "counterexample") {
      for (let seen = Atomics.load(control, FAILED_BLOCK); block < seen; ) {
        const was = Atomics.compareExchange(control, FAILED_BLOCK, seen, block);
        if (was === seen) break;
        seen = was;
      }
      const counterexample = {
        block,
        input: Array.from(odometer.digits),
        expected: Array.from(expected),
        actual: state.actual ?? [],
      };
      return { ...engineCounts(choice), counterexample };
    }
    break;
  }
  return engineCounts(choice);
}
