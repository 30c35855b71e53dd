import type { Activation } from "./activation.js";
import type { Layer, Network } from "./network.js";
import { ceilDiv, floorDiv, lcm, type Rational } from "./rational.js";

/** How a compiled unit turns its integer pre-activation N into an output. */
export const WINDOW = 0; // 1 if lo ≤ N ≤ hi else 0 (step, indicator, equals)
export const SIGN = 1;
export const IDENTITY = 2;
export const RELU = 3;

/**
 * A layer with every unit's weights scaled by the lcm D of its denominators, so N = D·z is an
 * integer and each threshold test becomes an integer window lo ≤ N ≤ hi. Weights are stored both
 * as sparse rows (full evaluation) and sparse columns (pushing one input's change forward).
 */
export interface CompiledLayer {
  readonly units: number;
  readonly inputs: number;
  readonly bias: Float64Array;
  readonly rowStart: Int32Array;
  readonly rowInput: Int32Array;
  readonly rowWeight: Float64Array;
  readonly columnStart: Int32Array;
  readonly columnUnit: Int32Array;
  readonly columnWeight: Float64Array;
  readonly code: Uint8Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

export interface CompiledNetwork {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly layers: readonly CompiledLayer[];
}

/** Compilation either succeeds or says why the exact rational path must be used instead. */
export type Compilation =
  | { readonly ok: true; readonly network: CompiledNetwork }
  | { readonly ok: false; readonly reason: string };

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function toBound(value: bigint | null, infinity: number): number {
  return value === null ? infinity : Number(value);
}

/** The integer window [lo, hi] of N = D·z where a threshold activation fires (null = unbounded). */
export function firingWindow(
  activation: Activation,
  scale: bigint,
): [bigint | null, bigint | null] {
  const times = (r: Rational) => [scale * r.num, r.den] as const;
  switch (activation.kind) {
    case "step": {
      const [n, d] = times(activation.threshold);
      return [activation.inclusive ? ceilDiv(n, d) : floorDiv(n, d) + 1n, null];
    }
    case "indicator": {
      const [ln, ld] = times(activation.low);
      const [hn, hd] = times(activation.high);
      return [
        activation.lowClosed ? ceilDiv(ln, ld) : floorDiv(ln, ld) + 1n,
        activation.highClosed ? floorDiv(hn, hd) : ceilDiv(hn, hd) - 1n,
      ];
    }
    case "equals": {
      const [n, d] = times(activation.value);
      return [ceilDiv(n, d), floorDiv(n, d)];
    }
    default:
      return [null, null];
  }
}

const CODES = {
  step: WINDOW,
  indicator: WINDOW,
  equals: WINDOW,
  sign: SIGN,
  identity: IDENTITY,
  relu: RELU,
} as const;

export function unitScale(layer: Layer, unit: number): bigint {
  return layer.weights[unit]!.reduce((d, w) => lcm(d, w.den), layer.bias[unit]!.den);
}

function compileLayer(
  layer: Layer,
  inputBound: readonly bigint[],
  outputBound: bigint[],
  where: string,
): CompiledLayer | string {
  const units = layer.weights.length;
  const inputs = layer.weights[0]!.length;
  const rows: [number, number][][] = [];
  const compiled = {
    units,
    inputs,
    bias: new Float64Array(units),
    code: new Uint8Array(units),
    lo: new Float64Array(units),
    hi: new Float64Array(units),
  };
  for (let unit = 0; unit < units; unit++) {
    const activation = layer.activations[unit]!;
    const scale = unitScale(layer, unit);
    const passesValue = activation.kind === "identity" || activation.kind === "relu";
    if (passesValue && scale !== 1n) {
      return `${where}, unit ${unit + 1}: ${activation.kind} with non-integer weights`;
    }
    const scaled = layer.weights[unit]!.map((w) => (w.num * scale) / w.den);
    const bias = (layer.bias[unit]!.num * scale) / layer.bias[unit]!.den;
    const bound = scaled.reduce(
      (sum, w, j) => sum + (w < 0n ? -w : w) * inputBound[j]!,
      bias < 0n ? -bias : bias,
    );
    // Incremental updates add w·(new − old), up to twice the bound: keep that exact in a double.
    if (2n * bound > SAFE) return `${where}, unit ${unit + 1}: pre-activations may exceed 2^52`;
    outputBound.push(passesValue ? bound : 1n);
    const [lo, hi] = firingWindow(activation, scale);
    compiled.bias[unit] = Number(bias);
    compiled.code[unit] = CODES[activation.kind];
    compiled.lo[unit] = toBound(lo, Number.NEGATIVE_INFINITY);
    compiled.hi[unit] = toBound(hi, Number.POSITIVE_INFINITY);
    rows.push(scaled.flatMap((w, j) => (w === 0n ? [] : [[j, Number(w)] as [number, number]])));
  }
  return { ...compiled, ...sparse(rows, inputs) };
}

function sparse(rows: readonly (readonly [number, number])[][], inputs: number) {
  const count = rows.reduce((n, row) => n + row.length, 0);
  const rowStart = new Int32Array(rows.length + 1);
  const rowInput = new Int32Array(count);
  const rowWeight = new Float64Array(count);
  const columnStart = new Int32Array(inputs + 1);
  const columnUnit = new Int32Array(count);
  const columnWeight = new Float64Array(count);
  let k = 0;
  rows.forEach((row, unit) => {
    for (const [j, w] of row) {
      rowInput[k] = j;
      rowWeight[k++] = w;
      columnStart[j + 1]!++;
    }
    rowStart[unit + 1] = k;
  });
  for (let j = 0; j < inputs; j++) columnStart[j + 1]! += columnStart[j]!;
  const fill = columnStart.slice(0, inputs);
  rows.forEach((row, unit) => {
    for (const [j, w] of row) {
      const at = fill[j]!++;
      columnUnit[at] = unit;
      columnWeight[at] = w;
    }
  });
  return { rowStart, rowInput, rowWeight, columnStart, columnUnit, columnWeight };
}

/**
 * Compiles a network for integer inputs with |x_j| ≤ inputBound[j] into plain-number form. Every
 * intermediate value is an integer below 2^53, so double arithmetic is exact. Fails (with the
 * reason) when an identity/relu unit has fractional weights or magnitudes could get too large.
 */
export function compileNetwork(net: Network, inputBound: readonly bigint[]): Compilation {
  const layers: CompiledLayer[] = [];
  let bounds: readonly bigint[] = inputBound;
  for (const [index, layer] of net.layers.entries()) {
    const next: bigint[] = [];
    const compiled = compileLayer(layer, bounds, next, `layer ${index + 1}`);
    if (typeof compiled === "string") return { ok: false, reason: compiled };
    layers.push(compiled);
    bounds = next;
  }
  return {
    ok: true,
    network: { inputSize: net.inputSize, outputSize: net.outputSize, layers },
  };
}

/** A unit's output for integer pre-activation n. */
export function activate(code: number, lo: number, hi: number, n: number): number {
  if (code === WINDOW) return n >= lo && n <= hi ? 1 : 0;
  if (code === SIGN) return n > 0 ? 1 : n < 0 ? -1 : 0;
  if (code === IDENTITY) return n;
  return Math.max(n, 0);
}

/** Full forward pass of one input (batch evaluation); returns the output layer's values. */
export function runCompiled(net: CompiledNetwork, input: ArrayLike<number>): Float64Array {
  let values: ArrayLike<number> = input;
  let out = new Float64Array(0);
  for (const layer of net.layers) {
    out = new Float64Array(layer.units);
    for (let unit = 0; unit < layer.units; unit++) {
      let n = layer.bias[unit]!;
      for (let k = layer.rowStart[unit]!; k < layer.rowStart[unit + 1]!; k++) {
        n += layer.rowWeight[k]! * values[layer.rowInput[k]!]!;
      }
      out[unit] = activate(layer.code[unit]!, layer.lo[unit]!, layer.hi[unit]!, n);
    }
    values = out;
  }
  return out;
}
