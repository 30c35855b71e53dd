import * as T from "@nnkit/tensor";
import { isFloatDType } from "./abstract-value.js";
import { AutodiffError } from "./errors.js";
import type { TraceableFunction } from "./trace.js";
import type { Value } from "./tracer.js";
import { jvp } from "./transforms/jvp.js";
import { vjp } from "./transforms/vjp.js";
import { flatten, type Tree, unflatten } from "./tree.js";

export type GradCheckMode = "fwd" | "rev";

export interface GradCheckOptions {
  /** 1 checks first derivatives; 2 also checks derivatives of the JVP and VJP functions. */
  order?: 1 | 2;
  modes?: readonly GradCheckMode[];
  /** Central-difference step (default 1e-6 for float64, 1e-3 for float32). */
  eps?: number;
  rtol?: number;
  atol?: number;
  /** Seed for the random directions used at order 2. */
  seed?: number;
}

/** One Jacobian entry compared: ∂ output[outputIndex] / ∂ input leaf[inputIndex]. */
export interface GradCheckEntry {
  readonly order: 1 | 2;
  readonly mode: GradCheckMode;
  /** Position of the input among the flattened float arguments (integer ones are not checked). */
  readonly input: number;
  readonly inputIndex: number;
  readonly outputIndex: number;
  readonly analytic: number;
  readonly numeric: number;
  readonly absError: number;
  /** |analytic − numeric| / (atol + rtol·|numeric|): the entry passes when this is ≤ 1. */
  readonly score: number;
}

export interface GradCheckResult {
  readonly order: 1 | 2;
  readonly mode: GradCheckMode;
  readonly ok: boolean;
  readonly entries: number;
  readonly worst: GradCheckEntry;
}

export interface GradCheckReport {
  readonly ok: boolean;
  readonly checks: readonly GradCheckResult[];
  /** The entry with the highest score over all checks. */
  readonly worst: GradCheckEntry;
  /** One line per check, then the worst entry. */
  readonly summary: string;
}

interface Settings {
  eps: number;
  rtol: number;
  atol: number;
}

/** A function of the float leaves only (integer leaves stay fixed), returning any tree. */
type FloatFunction = (...floats: Value[]) => unknown;

/** Jacobian entries as [input leaf][input entry][flat output entry]. */
type Jacobian = number[][][];

function flatValues(tree: unknown): number[] {
  const out: number[] = [];
  for (const leaf of flatten<T.Tensor>("checkGrads", tree).leaves) out.push(...leaf.toTypedArray());
  return out;
}

function withEntry(leaf: T.Tensor, index: number, delta: number): T.Tensor {
  const data = Float64Array.from(leaf.toTypedArray());
  data[index] = data[index]! + delta;
  return T.tensor(data, { shape: [...leaf.shape] }).astype(leaf.dtype);
}

function unit(like: T.Tensor, index: number): T.Tensor {
  return withEntry(T.zeros([...like.shape], like.dtype), index, 1);
}

function numericJacobian(f: FloatFunction, xs: readonly T.Tensor[], s: Settings): Jacobian {
  return xs.map((x, k) =>
    Array.from({ length: x.size }, (_, i) => {
      const at = (delta: number) =>
        flatValues(f(...xs.map((l, j) => (j === k ? withEntry(l, i, delta) : l))));
      const plus = at(s.eps);
      const minus = at(-s.eps);
      return plus.map((p, o) => (p - minus[o]!) / (2 * s.eps));
    }),
  );
}

/** One JVP per input entry. */
function forwardJacobian(f: FloatFunction, xs: readonly T.Tensor[]): Jacobian {
  return xs.map((x) =>
    Array.from({ length: x.size }, (_, i) => {
      const tangents = xs.map((l) => (l === x ? unit(l, i) : T.zeros([...l.shape], l.dtype)));
      return flatValues(jvp(f as TraceableFunction, xs, tangents)[1]);
    }),
  );
}

/** One VJP per output entry, sharing the forward pass. */
function reverseJacobian(f: FloatFunction, xs: readonly T.Tensor[]): Jacobian {
  const [out, pullback] = vjp(f as TraceableFunction, ...xs);
  const { leaves, def } = flatten<T.Tensor>("checkGrads", out);
  const jacobian: Jacobian = xs.map((x) => Array.from({ length: x.size }, () => []));
  let o = 0;
  leaves.forEach((leaf, k) => {
    for (let i = 0; i < leaf.size; i++, o++) {
      const seeds = leaves.map((l, j) => (j === k ? unit(l, i) : T.zeros([...l.shape], l.dtype)));
      const cotangents = pullback(unflatten(def, seeds) as Tree<Value>);
      cotangents.forEach((ct, input) => {
        flatValues(ct).forEach((v, entry) => {
          jacobian[input]![entry]![o] = v;
        });
      });
    }
  });
  return jacobian;
}

function compare(
  order: 1 | 2,
  mode: GradCheckMode,
  analytic: Jacobian,
  numeric: Jacobian,
  s: Settings,
): GradCheckResult {
  let worst: GradCheckEntry | undefined;
  let entries = 0;
  numeric.forEach((columns, input) => {
    columns.forEach((column, inputIndex) => {
      column.forEach((n, outputIndex) => {
        const a = analytic[input]![inputIndex]![outputIndex]!;
        const absError = Math.abs(a - n);
        const score = Number.isNaN(absError)
          ? Number.POSITIVE_INFINITY
          : absError / (s.atol + s.rtol * Math.abs(n));
        entries++;
        if (!worst || score > worst.score) {
          worst = {
            order,
            mode,
            input,
            inputIndex,
            outputIndex,
            analytic: a,
            numeric: n,
            absError,
            score,
          };
        }
      });
    });
  });
  if (!worst) {
    throw new AutodiffError(
      "checkGrads",
      "argument",
      "nothing to check: no float inputs or no outputs",
    );
  }
  return { order, mode, ok: worst.score <= 1, entries, worst };
}

/** Checks the first derivatives of f in each mode against central differences. */
function checkFunction(
  order: 1 | 2,
  f: FloatFunction,
  xs: readonly T.Tensor[],
  modes: readonly GradCheckMode[],
  s: Settings,
): GradCheckResult[] {
  const numeric = numericJacobian(f, xs, s);
  return modes.map((mode) =>
    compare(
      order,
      mode,
      mode === "fwd" ? forwardJacobian(f, xs) : reverseJacobian(f, xs),
      numeric,
      s,
    ),
  );
}

/** All checks of one derivative function as one result, named after that derivative. */
function merged(mode: GradCheckMode, results: readonly GradCheckResult[]): GradCheckResult {
  const worst = results.map((r) => r.worst).reduce((a, b) => (b.score > a.score ? b : a));
  return {
    order: 2,
    mode,
    ok: results.every((r) => r.ok),
    entries: results.reduce((n, r) => n + r.entries, 0),
    worst: { ...worst, mode },
  };
}

function describeEntry(e: GradCheckEntry): string {
  return `order ${e.order} ${e.mode}: ∂out[${e.outputIndex}]/∂in${e.input}[${e.inputIndex}] analytic ${e.analytic} vs numeric ${e.numeric} (abs error ${e.absError.toExponential(2)}, score ${e.score.toFixed(3)})`;
}

/**
 * Compares forward and reverse mode with central finite differences, entry by entry of every
 * Jacobian with respect to every float input. Order 2 also checks the derivatives of the JVP
 * function x ↦ J(x)v and of the VJP function x ↦ J(x)ᵀu, for fixed random v and u.
 */
export function checkGrads(
  f: TraceableFunction,
  args: readonly unknown[],
  options: GradCheckOptions = {},
): GradCheckReport {
  const { leaves, def } = flatten<T.Tensor>("checkGrads", [...args]);
  if (!leaves.every((l) => l instanceof T.Tensor)) {
    throw new AutodiffError("checkGrads", "argument", "arguments must be concrete tensors");
  }
  const floats = leaves.filter((l) => isFloatDType(l.dtype));
  // f as a function of the float leaves, integer leaves fixed.
  const g: FloatFunction = (...xs) => {
    let next = 0;
    const all = leaves.map((l) => (isFloatDType(l.dtype) ? xs[next++]! : l));
    return (f as (...a: unknown[]) => unknown)(...(unflatten(def, all) as unknown[]));
  };
  const { order = 1, modes = ["fwd", "rev"], seed = 0 } = options;
  const low = floats.some((l) => l.dtype === "float32");
  const s: Settings = {
    eps: options.eps ?? (low ? 1e-3 : 1e-6),
    rtol: options.rtol ?? (low ? 1e-2 : 1e-5),
    atol: options.atol ?? (low ? 1e-3 : 1e-7),
  };
  const checks = checkFunction(1, g, floats, modes, s);
  if (order === 2) {
    const random = T.rng(seed);
    const direction = (l: T.Tensor) => random.normal([...l.shape]).astype(l.dtype);
    const tangents = floats.map(direction);
    const out = flatten<T.Tensor>("checkGrads", g(...floats));
    const cotangent = unflatten(out.def, out.leaves.map(direction)) as Tree<Value>;
    const jvpFunction: FloatFunction = (...xs) => jvp(g as TraceableFunction, xs, tangents)[1];
    const vjpFunction: FloatFunction = (...xs) => vjp(g as TraceableFunction, ...xs)[1](cotangent);
    checks.push(
      merged("fwd", checkFunction(2, jvpFunction, floats, modes, s)),
      merged("rev", checkFunction(2, vjpFunction, floats, modes, s)),
    );
  }
  const worst = checks.map((c) => c.worst).reduce((a, b) => (b.score > a.score ? b : a));
  const summary = [
    ...checks.map(
      (c) =>
        `${c.ok ? "ok  " : "FAIL"} order ${c.order} ${c.mode}: ${c.entries} entries, worst score ${c.worst.score.toFixed(3)}`,
    ),
    `worst: ${describeEntry(worst)}`,
  ].join("\n");
  return { ok: checks.every((c) => c.ok), checks, worst, summary };
}
