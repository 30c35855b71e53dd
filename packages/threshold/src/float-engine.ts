import { firingWindow, unitScale } from "./compile.js";
import type { Evaluator } from "./engine.js";
import { traceExact } from "./evaluate.js";
import type { Network } from "./network.js";
import { Rational } from "./rational.js";

/**
 * The evaluator for networks whose exact integer form is too large for doubles, e.g. weights of
 * 1e-300 or 5e-324 (denominators of 300 digits): every unit is evaluated in doubles together
 * with a rigorous bound on the rounding error, and only a unit whose pre-activation is too close
 * to a threshold for that bound to decide is evaluated exactly (in bigints, that one unit). When
 * a unit that passes values on (identity, relu) has fed an uncertain value into such a unit, or
 * is an output unit, the whole input is evaluated exactly. `exactUnits` and `exactInputs` count that work.
 */
export class CertifiedFloatEvaluator implements Evaluator {
  readonly outputs: Float64Array;
  /** Units decided exactly because the error bound straddled a threshold. */
  exactUnits = 0;
  /** Inputs evaluated exactly from scratch (an uncertain identity/relu value was involved). */
  exactInputs = 0;
  private readonly net: Network;
  private readonly layers: readonly FloatLayer[];
  private readonly x: Float64Array;
  /** Per layer: its values and their error bounds (reused for every input). */
  private readonly values: Float64Array[];
  private readonly errors: Float64Array[];

  constructor(net: Network) {
    this.net = net;
    this.layers = net.layers.map(floatLayer);
    this.x = new Float64Array(net.inputSize);
    this.outputs = new Float64Array(net.outputSize);
    this.values = this.layers.map((layer) => new Float64Array(layer.units.length));
    this.errors = this.layers.map((layer) => new Float64Array(layer.units.length));
  }

  set(j: number, value: number): void {
    this.x[j] = value;
  }

  startRun(): void {}

  evaluateLast(value: number): number {
    this.x[this.x.length - 1] = value;
    let values: Float64Array = this.x;
    let errors = zeroErrors(values.length);
    for (const [l, layer] of this.layers.entries()) {
      const next = this.values[l]!;
      const nextErrors = this.errors[l]!;
      nextErrors.fill(0);
      for (let u = 0; u < layer.units.length; u++) {
        const unit = layer.units[u]!;
        const { z, error } = preActivation(unit, values, errors);
        if (unit.passesValue) {
          next[u] = unit.kind === "relu" ? Math.max(z, 0) : z;
          nextErrors[u] = error;
          continue;
        }
        const decided = decide(unit, z, error);
        if (decided !== undefined) {
          next[u] = decided;
          continue;
        }
        if (!errors.every((e) => e === 0)) return this.evaluateExactly();
        this.exactUnits++;
        next[u] = exactOutput(unit, values);
      }
      values = next;
      errors = nextErrors;
    }
    // Outputs are compared exactly with the target: an uncertain passed-on value will not do.
    if (!errors.every((e) => e === 0)) return this.evaluateExactly();
    this.outputs.set(values);
    return 0;
  }

  private evaluateExactly(): number {
    this.exactInputs++;
    const input = Array.from(this.x, (v) => Rational.integer(v));
    traceExact(this.net, input).output.forEach((v, i) => {
      this.outputs[i] = v.toNumber();
    });
    return 0;
  }
}

const inputErrors = new Map<number, Float64Array>();
/** The inputs are exact integers: zero error (one shared, never written, array per size). */
function zeroErrors(length: number): Float64Array {
  let zeros = inputErrors.get(length);
  if (zeros === undefined) {
    zeros = new Float64Array(length);
    inputErrors.set(length, zeros);
  }
  return zeros;
}

interface FloatUnit {
  readonly kind: "window" | "sign" | "identity" | "relu";
  readonly passesValue: boolean;
  readonly inputs: Int32Array;
  readonly weights: Float64Array;
  /** |w − fl(w)| bounds, per weight and for the bias. */
  readonly weightErrors: Float64Array;
  readonly bias: number;
  readonly biasError: number;
  /** The firing window of z (threshold units), ends as doubles with their own error bound. */
  readonly low: number;
  readonly high: number;
  readonly endError: number;
  /** Exact form: integer weights and bias scaled by the unit's lcm, and the integer window. */
  readonly scaledWeights: readonly bigint[];
  readonly scaledBias: bigint;
  readonly windowLow: bigint | null;
  readonly windowHigh: bigint | null;
}

interface FloatLayer {
  readonly units: readonly FloatUnit[];
}

const UNIT_ROUNDOFF = 2 ** -53;
const SMALLEST = 2 ** -1074;

/**
 * The nearest-ish double of a rational of any size (relative error below 2^-51, plus 2^-1074
 * absolute in the subnormal range); ±Infinity beyond the double range.
 */
export function approximate(r: Rational): number {
  if (r.num === 0n) return 0;
  const negative = r.num < 0n;
  const num = negative ? -r.num : r.num;
  const shift = 64 - (num.toString(2).length - r.den.toString(2).length);
  const quotient = shift >= 0 ? (num << BigInt(shift)) / r.den : num / (r.den << BigInt(-shift));
  let value = Number(quotient);
  // Scale by 2^−shift in steps that stay in range (exact except in the subnormal range).
  let k = -shift;
  while (k > 0) {
    const step = Math.min(k, 1000);
    value *= 2 ** step;
    k -= step;
  }
  while (k < 0) {
    const step = Math.max(k, -1000);
    value *= 2 ** step;
    k -= step;
  }
  return negative ? -value : value;
}

function errorOf(value: number): number {
  return Number.isFinite(value) ? Math.abs(value) * 2 ** -51 + SMALLEST : Number.POSITIVE_INFINITY;
}

function floatUnit(layer: Network["layers"][number], u: number): FloatUnit {
  const activation = layer.activations[u]!;
  const row = layer.weights[u]!;
  const nonzero = row.flatMap((w, j) => (w.num === 0n ? [] : [j]));
  const approx = (r: Rational) => {
    const value = approximate(r);
    return Number.isFinite(value) ? value : 0;
  };
  const scale = unitScale(layer, u);
  const scaledWeights = row.map((w) => (w.num * scale) / w.den);
  const bias = layer.bias[u]!;
  const [windowLow, windowHigh] = firingWindow(activation, scale);
  const ends =
    activation.kind === "step"
      ? [activation.threshold, null]
      : activation.kind === "indicator"
        ? [activation.low, activation.high]
        : activation.kind === "equals"
          ? [activation.value, activation.value]
          : [null, null];
  const end = (r: Rational | null, infinity: number) => (r === null ? infinity : approx(r));
  const kind =
    activation.kind === "sign" || activation.kind === "identity" || activation.kind === "relu"
      ? activation.kind
      : "window";
  return {
    kind,
    passesValue: kind === "identity" || kind === "relu",
    inputs: Int32Array.from(nonzero),
    weights: Float64Array.from(nonzero, (j) => approx(row[j]!)),
    weightErrors: Float64Array.from(nonzero, (j) => errorOf(approximate(row[j]!))),
    bias: approx(bias),
    biasError: bias.num === 0n ? 0 : errorOf(approximate(bias)),
    low: end(ends[0] ?? null, Number.NEGATIVE_INFINITY),
    high: end(ends[1] ?? null, Number.POSITIVE_INFINITY),
    endError: Math.max(
      ends[0] ? errorOf(approximate(ends[0])) : 0,
      ends[1] ? errorOf(approximate(ends[1])) : 0,
    ),
    scaledWeights,
    scaledBias: (bias.num * scale) / bias.den,
    windowLow,
    windowHigh,
  };
}

function floatLayer(layer: Network["layers"][number]): FloatLayer {
  return { units: layer.weights.map((_, u) => floatUnit(layer, u)) };
}

/**
 * z in doubles and a bound on |z − z_exact|: the weights' own rounding, the inputs' errors, and
 * the rounding of n products and sums (γ·Σ|terms| with γ generous), plus underflow.
 */
function preActivation(unit: FloatUnit, values: Float64Array, errors: Float64Array) {
  let z = unit.bias;
  let magnitude = Math.abs(unit.bias);
  let error = unit.biasError;
  const n = unit.inputs.length;
  for (let k = 0; k < n; k++) {
    const j = unit.inputs[k]!;
    const v = values[j]!;
    const w = unit.weights[k]!;
    const term = w * v;
    z += term;
    magnitude += Math.abs(term);
    const e = errors[j]!;
    error += unit.weightErrors[k]! * (Math.abs(v) + e) + Math.abs(w) * e;
  }
  const rounding = (n + 2) * 2 * UNIT_ROUNDOFF * magnitude + (n + 1) * SMALLEST;
  // The bound itself is computed in doubles: widen it a little more.
  return { z, error: (error + rounding) * (1 + 2 ** -20) + SMALLEST };
}

/** A threshold or sign unit's output when the error bound settles it, else undefined. */
function decide(unit: FloatUnit, z: number, error: number): number | undefined {
  if (!Number.isFinite(z) || !Number.isFinite(error)) return undefined;
  if (unit.kind === "sign") return z > error ? 1 : z < -error ? -1 : undefined;
  const margin = error + unit.endError;
  if (z + margin < unit.low || z - margin > unit.high) return 0;
  if (z - margin > unit.low && z + margin < unit.high) return 1;
  return undefined;
}

/** The unit's output from exact integer inputs, in bigints (its weights scaled to integers). */
function exactOutput(unit: FloatUnit, values: Float64Array): number {
  let n = unit.scaledBias;
  for (const j of unit.inputs) n += unit.scaledWeights[j]! * BigInt(values[j]!);
  if (unit.kind === "sign") return n > 0n ? 1 : n < 0n ? -1 : 0;
  const above = unit.windowLow === null || n >= unit.windowLow;
  const below = unit.windowHigh === null || n <= unit.windowHigh;
  return above && below ? 1 : 0;
}
