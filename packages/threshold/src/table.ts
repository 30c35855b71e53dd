import {
  activate,
  type CompiledLayer,
  type CompiledNetwork,
  runCompiled,
  SIGN,
  WINDOW,
} from "./compile.js";
import type { Evaluator } from "./engine.js";

const MAX_STATE_BITS = 16;
/** Largest range of the last input whose readers' key shares are remembered per value. */
const MAX_REMEMBERED_VALUES = 4096;
/** Largest table (keys × outputs) worth allocating. */
const MAX_TABLE_ENTRIES = 2 ** 20;

/**
 * Verification's fast path for threshold networks. Everything after the first layer depends only
 * on that layer's state; when the first layer is made of threshold/sign units, that state is a
 * small number (the key: one bit per threshold unit, two per sign unit). So the key is kept up to
 * date with integer updates, and the rest of the network is evaluated once per key ever seen
 * (for a 9-unit equality layer: at most 2^9 times, whatever the domain). Within a run of the
 * last input v, the units reading it see c_u + w_u·v with c_u fixed, so each input costs a few
 * comparisons and one table look-up; with `lastRange` (the last input's lo..hi), their share of
 * the key is also remembered per value until some c_u changes, which in a permutation network
 * is rare (the units reading x6 otherwise read only x1..x3). Returns undefined when the first
 * layer does not qualify.
 */
export function tabulateFirstLayer(
  net: CompiledNetwork,
  lastRange?: readonly [number, number],
): Evaluator | undefined {
  const first = net.layers[0]!;
  let bits = 0;
  for (const code of first.code) {
    bits += code === WINDOW ? 1 : code === SIGN ? 2 : Number.POSITIVE_INFINITY;
  }
  if (bits > MAX_STATE_BITS || 2 ** bits * net.outputSize > MAX_TABLE_ENTRIES) return undefined;
  const rest = net.layers.slice(1);
  const tail: CompiledNetwork | undefined =
    rest.length === 0
      ? undefined
      : { inputSize: first.units, outputSize: net.outputSize, layers: rest };
  return new FirstLayerTable(first, tail, bits, net.outputSize, lastRange);
}

/**
 * A first-layer unit's state: threshold 0/1, sign 0/1/2 for −/0/+. Branch-free, as which side of
 * a threshold n falls on is unpredictable.
 */
function stateCode(isSign: boolean, lo: number, hi: number, n: number): number {
  return isSign ? 1 + (+(n > 0) - +(n < 0)) : +(n >= lo) & +(n <= hi);
}

/**
 * The last input is never stored in `x`/`pre`: the units reading it get c_u + w_u·v at evaluation,
 * so a new run only needs c_u = pre_u; the other units' part of the key is kept up to date.
 */
class FirstLayerTable implements Evaluator {
  /** Outputs per key, filled on first sight. */
  readonly outputs: Float64Array;
  private readonly filled: Uint8Array;
  private readonly layer: CompiledLayer;
  private readonly code: Uint8Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly columnStart: Int32Array;
  private readonly columnUnit: Int32Array;
  private readonly columnWeight: Float64Array;
  /** The units reading the last input: ids, weights on it, and copies of their unit data. */
  private readonly readers: Int32Array;
  private readonly readerWeight: Float64Array;
  private readonly readerIsSign: Uint8Array;
  private readonly readerLo: Float64Array;
  private readonly readerHi: Float64Array;
  private readonly readerPlace: Int32Array;
  private readonly tail: CompiledNetwork | undefined;
  private readonly outputCount: number;
  private readonly last: number;
  private readonly x: Float64Array;
  private readonly pre: Float64Array;
  /** Each unit's place value in the key, and its current share (state code × place). */
  private readonly place: Int32Array;
  private readonly share: Int32Array;
  /** 1 for units reading the last input: their share is computed per value, not kept. */
  private readonly readsLast: Uint8Array;
  /** The key of the units that do not read the last input. */
  private keyOfOthers = 0;
  private readonly firstLayerValues: Float64Array;
  /** For the current prefix: c_u of the units reading the last input. */
  private readonly base: Float64Array;
  /** Whether some c_u changed since the last `startRun`. */
  private readersMoved = true;
  /**
   * The readers' share of the key at last input `lastLow + i`, valid while `stamp[i]` equals
   * `generation` (which moves on whenever some c_u changes). Empty without a known range.
   */
  private readonly lastLow: number;
  private readonly readersShare: Int32Array;
  private readonly stamp: Float64Array;
  private generation = 1;

  constructor(
    layer: CompiledLayer,
    tail: CompiledNetwork | undefined,
    bits: number,
    outputs: number,
    lastRange: readonly [number, number] | undefined,
  ) {
    this.layer = layer;
    this.code = layer.code;
    this.lo = layer.lo;
    this.hi = layer.hi;
    this.columnStart = layer.columnStart;
    this.columnUnit = layer.columnUnit;
    this.columnWeight = layer.columnWeight;
    this.tail = tail;
    this.outputCount = outputs;
    this.last = layer.inputs - 1;
    this.x = new Float64Array(layer.inputs);
    this.pre = Float64Array.from(layer.bias);
    this.place = new Int32Array(layer.units);
    this.share = new Int32Array(layer.units);
    const from = layer.columnStart[this.last]!;
    const to = layer.columnStart[this.last + 1]!;
    this.readers = layer.columnUnit.slice(from, to);
    this.readsLast = new Uint8Array(layer.units);
    for (const u of this.readers) this.readsLast[u] = 1;
    let place = 1;
    for (let u = 0; u < layer.units; u++) {
      this.place[u] = place;
      place *= layer.code[u] === SIGN ? 4 : 2;
      if (this.readsLast[u] === 1) continue;
      this.share[u] = this.shareOf(u, this.pre[u]!);
      this.keyOfOthers += this.share[u]!;
    }
    this.outputs = new Float64Array(2 ** bits * outputs);
    this.filled = new Uint8Array(2 ** bits);
    this.firstLayerValues = new Float64Array(layer.units);
    this.readerWeight = layer.columnWeight.slice(from, to);
    this.readerIsSign = Uint8Array.from(this.readers, (u) => (layer.code[u] === SIGN ? 1 : 0));
    this.readerLo = Float64Array.from(this.readers, (u) => layer.lo[u]!);
    this.readerHi = Float64Array.from(this.readers, (u) => layer.hi[u]!);
    this.readerPlace = Int32Array.from(this.readers, (u) => this.place[u]!);
    this.base = new Float64Array(to - from);
    const values = lastRange === undefined ? 0 : lastRange[1] - lastRange[0] + 1;
    const remembered = values <= MAX_REMEMBERED_VALUES ? values : 0;
    this.lastLow = lastRange?.[0] ?? 0;
    this.readersShare = new Int32Array(remembered);
    this.stamp = new Float64Array(remembered);
  }

  /** Unit u's state code times its place value. */
  private shareOf(u: number, n: number): number {
    return stateCode(this.code[u] === SIGN, this.lo[u]!, this.hi[u]!, n) * this.place[u]!;
  }

  set(j: number, value: number): void {
    const delta = value - this.x[j]!;
    if (delta === 0) return;
    this.x[j] = value;
    const { columnStart, columnUnit, columnWeight, pre, share, readsLast } = this;
    for (let k = columnStart[j]!, end = columnStart[j + 1]!; k < end; k++) {
      const u = columnUnit[k]!;
      pre[u]! += columnWeight[k]! * delta;
      if (readsLast[u] === 1) {
        this.readersMoved = true;
        continue;
      }
      const next = this.shareOf(u, pre[u]!);
      this.keyOfOthers += next - share[u]!;
      share[u] = next;
    }
  }

  /** New leading inputs: c_u = pre_u for the last input's readers (pre never includes x_last). */
  startRun(): void {
    if (!this.readersMoved) return;
    const { readers, base, pre } = this;
    for (let i = 0; i < readers.length; i++) base[i] = pre[readers[i]!]!;
    this.readersMoved = false;
    this.generation++;
  }

  evaluateLast(value: number): number {
    const slot = value - this.lastLow;
    let key = this.keyOfOthers;
    if (slot >= 0 && slot < this.stamp.length) {
      if (this.stamp[slot] !== this.generation) {
        this.readersShare[slot] = this.readersShareAt(value);
        this.stamp[slot] = this.generation;
      }
      key += this.readersShare[slot]!;
    } else {
      key += this.readersShareAt(value);
    }
    if (this.filled[key] === 0) {
      this.outputs.set(this.evaluateRest(value), key * this.outputCount);
      this.filled[key] = 1;
    }
    return key * this.outputCount;
  }

  /** The readers' part of the key at last input `value`. */
  private readersShareAt(value: number): number {
    const { readerWeight, readerIsSign, readerLo, readerHi, readerPlace, base } = this;
    let share = 0;
    for (let i = 0; i < base.length; i++) {
      const n = base[i]! + readerWeight[i]! * value;
      share += stateCode(readerIsSign[i] === 1, readerLo[i]!, readerHi[i]!, n) * readerPlace[i]!;
    }
    return share;
  }

  /** First-layer values at last input `value`, then the rest of the network (on a table miss). */
  private evaluateRest(value: number): Float64Array {
    const { code, lo, hi, rowStart, rowInput, rowWeight, bias } = this.layer;
    const values = this.firstLayerValues;
    for (let u = 0; u < values.length; u++) {
      let n = bias[u]!;
      for (let k = rowStart[u]!; k < rowStart[u + 1]!; k++) {
        const j = rowInput[k]!;
        n += rowWeight[k]! * (j === this.last ? value : this.x[j]!);
      }
      values[u] = activate(code[u]!, lo[u]!, hi[u]!, n);
    }
    return this.tail === undefined ? values : runCompiled(this.tail, values);
  }
}
