import type { Domain } from "./domain.js";
import type { Evaluator } from "./engine.js";
import { ShellOdometer } from "./order.js";
import type { Target } from "./target.js";

/**
 * The walk in the documented order, kept for the inputs the assumption allows. Runs (fixed
 * x1..x_{n−1}) without any such input are dropped; a kept run remembers the lowest leading index
 * that changed since the previous kept run, its leading inputs, and where its entries are.
 */
export interface Schedule {
  readonly runChanged: Int32Array;
  readonly runPrefix: Int32Array;
  readonly runEntries: Int32Array;
  /** Per entry: the last input, the expected outputs, and how many inputs were visited before it. */
  readonly lastValue: Int32Array;
  readonly expected: Float64Array;
  readonly visitedBefore: Float64Array;
  readonly visited: number;
  /** Leading inputs per run (n − 1) and expected outputs per entry. */
  readonly leading: number;
  readonly outputs: number;
}

/** Walks `domain` once in verification order, recording the target's values where it is assumed. */
export function recordSchedule(goal: Target, domain: Domain, outputs: number): Schedule {
  const odometer = new ShellOdometer(domain.ranges);
  const input = odometer.digits;
  const last = input.length - 1;
  const values = odometer.lastValues;
  const out = new Float64Array(outputs);
  const runChanged: number[] = [];
  const runPrefix: number[] = [];
  const runEntries: number[] = [0];
  const lastValue: number[] = [];
  const expected: number[] = [];
  const visitedBefore: number[] = [];
  let visited = 0;
  let changedSinceKept = last;
  for (;;) {
    const changed = odometer.nextRun();
    if (changed < 0) break;
    changedSinceKept = Math.min(changedSinceKept, changed);
    const entriesBefore = lastValue.length;
    for (let p = odometer.runStart; p < odometer.runEnd; p++) {
      input[last] = values[p]!;
      visited++;
      if (domain.assumption !== undefined && !domain.assumption.holds(input)) continue;
      lastValue.push(values[p]!);
      visitedBefore.push(visited - 1);
      if (goal.kind === "predicate") expected.push(goal.test(input) ? 1 : 0);
      else {
        goal.compute(input, out);
        expected.push(...out);
      }
    }
    if (lastValue.length === entriesBefore) continue;
    runChanged.push(changedSinceKept);
    for (let j = 0; j < last; j++) runPrefix.push(input[j]!);
    runEntries.push(lastValue.length);
    changedSinceKept = last;
  }
  return {
    runChanged: Int32Array.from(runChanged),
    runPrefix: Int32Array.from(runPrefix),
    runEntries: Int32Array.from(runEntries),
    lastValue: Int32Array.from(lastValue),
    expected: Float64Array.from(expected),
    visitedBefore: Float64Array.from(visitedBefore),
    visited,
    leading: last,
    outputs,
  };
}

/** The first entry whose outputs differ from the expected ones, and where its outputs are. */
export interface Mismatch {
  readonly entry: number;
  readonly at: number;
}

/** Replays the schedule through any evaluator, stopping at the first mismatch. */
export function replaySchedule(evaluator: Evaluator, schedule: Schedule): Mismatch | undefined {
  const { runChanged, runPrefix, runEntries, lastValue, expected, leading } = schedule;
  const outputs = evaluator.outputs;
  const width = schedule.outputs;
  for (let run = 0; run < runChanged.length; run++) {
    for (let j = runChanged[run]!; j < leading; j++) {
      evaluator.set(j, runPrefix[run * leading + j]!);
    }
    evaluator.startRun();
    const end = runEntries[run + 1]!;
    for (let entry = runEntries[run]!; entry < end; entry++) {
      const at = evaluator.evaluateLast(lastValue[entry]!);
      for (let i = 0; i < width; i++) {
        if (outputs[at + i] !== expected[entry * width + i]) return { entry, at };
      }
    }
  }
  return undefined;
}
