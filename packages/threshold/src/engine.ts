import { activate, type CompiledNetwork } from "./compile.js";
import { traceExact } from "./evaluate.js";
import type { Network } from "./network.js";
import { Rational } from "./rational.js";

/**
 * Evaluates a network while its inputs change the odometer's way: for each run, set the changed
 * leading inputs and call `startRun`; then ask for the outputs at each value of the last input.
 */
export interface Evaluator {
  /** Where outputs are read: `outputs[at .. at + outputSize)`, `at` from `evaluateLast`. */
  readonly outputs: Float64Array;
  /** Sets input j < n − 1 (an integer) without evaluating yet. */
  set(j: number, value: number): void;
  /** The leading inputs of a new run are set. */
  startRun(): void;
  /** Evaluates with the last input at `value`; returns where the outputs start in `outputs`. */
  evaluateLast(value: number): number;
}

/**
 * Integer evaluation that only does work where something changed: setting x_j adds w·Δ to the
 * units that read x_j; a unit whose output flips pushes its Δ to the units reading it, and so on.
 * Along the odometer the last coordinate changes almost every step, so most steps touch a few
 * units. Units of all layers share flat typed arrays (unit ids in layer order) and one FIFO queue,
 * which settles layer by layer because a unit only feeds the next layer. Nothing is allocated
 * per input.
 */
export class IncrementalEvaluator implements Evaluator {
  /** Every unit's value; the output layer's start at `outputStart`. */
  readonly outputs: Float64Array;
  private readonly outputStart: number;
  private readonly inputs: number;
  private readonly x: Float64Array;
  private readonly pre: Float64Array;
  private readonly post: Float64Array;
  private readonly code: Uint8Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  /** Fan-out of each source (inputs first, then units): targets and weights. */
  private readonly fanStart: Int32Array;
  private readonly fanTarget: Int32Array;
  private readonly fanWeight: Float64Array;
  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;
  /** Queue length: units waiting for `settle`. */
  private tail = 0;

  constructor(net: CompiledNetwork) {
    const offsets = net.layers.map((_, l) =>
      net.layers.slice(0, l).reduce((sum, layer) => sum + layer.units, 0),
    );
    const units = net.layers.reduce((sum, layer) => sum + layer.units, 0);
    this.inputs = net.inputSize;
    this.x = new Float64Array(net.inputSize);
    this.pre = new Float64Array(units);
    this.post = new Float64Array(units);
    this.code = new Uint8Array(units);
    this.lo = new Float64Array(units);
    this.hi = new Float64Array(units);
    this.queue = new Int32Array(units);
    this.queued = new Uint8Array(units);
    net.layers.forEach((layer, l) => {
      this.code.set(layer.code, offsets[l]);
      this.lo.set(layer.lo, offsets[l]);
      this.hi.set(layer.hi, offsets[l]);
    });
    const fans = fanOut(net, offsets, units);
    this.fanStart = fans.start;
    this.fanTarget = fans.target;
    this.fanWeight = fans.weight;
    const last = net.layers[net.layers.length - 1]!;
    this.outputs = this.post;
    this.outputStart = units - last.units;
    this.evaluateFully(net, offsets);
  }

  /** Full forward pass for the current inputs (all zero at construction). */
  private evaluateFully(net: CompiledNetwork, offsets: readonly number[]): void {
    let values: Float64Array = this.x;
    net.layers.forEach((layer, l) => {
      const base = offsets[l]!;
      for (let u = 0; u < layer.units; u++) {
        let n = layer.bias[u]!;
        for (let k = layer.rowStart[u]!; k < layer.rowStart[u + 1]!; k++) {
          n += layer.rowWeight[k]! * values[layer.rowInput[k]!]!;
        }
        this.pre[base + u] = n;
        this.post[base + u] = activate(layer.code[u]!, layer.lo[u]!, layer.hi[u]!, n);
      }
      values = this.post.subarray(base, base + layer.units);
    });
  }

  /** Adds weight·delta to every unit reading `source` and queues them. */
  private push(source: number, delta: number): void {
    const { fanTarget, fanWeight, pre, queued, queue } = this;
    let tail = this.tail;
    for (let k = this.fanStart[source]!, end = this.fanStart[source + 1]!; k < end; k++) {
      const u = fanTarget[k]!;
      pre[u]! += fanWeight[k]! * delta;
      if (queued[u] === 0) {
        queued[u] = 1;
        queue[tail++] = u;
      }
    }
    this.tail = tail;
  }

  /**
   * The common odometer step, only the last input changed: re-evaluate the units reading it
   * right away (no queue) and queue only the units their flips reach.
   */
  private setLast(value: number): void {
    const j = this.inputs - 1;
    const delta = value - this.x[j]!;
    if (delta === 0) return;
    this.x[j] = value;
    const { fanTarget, fanWeight, pre, post, code, lo, hi, inputs } = this;
    for (let k = this.fanStart[j]!, end = this.fanStart[j + 1]!; k < end; k++) {
      const u = fanTarget[k]!;
      pre[u]! += fanWeight[k]! * delta;
      const n = pre[u]!;
      const change = activate(code[u]!, lo[u]!, hi[u]!, n) - post[u]!;
      if (change === 0) continue;
      post[u]! += change;
      this.push(inputs + u, change);
    }
  }

  set(j: number, value: number): void {
    const delta = value - this.x[j]!;
    if (delta === 0) return;
    this.x[j] = value;
    this.push(j, delta);
  }

  startRun(): void {}

  evaluateLast(value: number): number {
    this.setLast(value);
    this.settle();
    return this.outputStart;
  }

  /** Brings every queued unit (and whatever its change reaches) up to date. */
  private settle(): void {
    const { pre, post, code, lo, hi, queue, queued, inputs } = this;
    for (let head = 0; head < this.tail; head++) {
      const u = queue[head]!;
      queued[u] = 0;
      const value = activate(code[u]!, lo[u]!, hi[u]!, pre[u]!);
      const delta = value - post[u]!;
      if (delta === 0) continue;
      post[u] = value;
      this.push(inputs + u, delta);
    }
    this.tail = 0;
  }
}

/** Each source's (input j, then unit u) targets in the next layer, from the layers' columns. */
function fanOut(net: CompiledNetwork, offsets: readonly number[], units: number) {
  const sources = net.inputSize + units;
  const start = new Int32Array(sources + 1);
  const target: number[] = [];
  const weight: number[] = [];
  net.layers.forEach((layer, l) => {
    const firstSource = l === 0 ? 0 : net.inputSize + offsets[l - 1]!;
    for (let j = 0; j < layer.inputs; j++) {
      for (let k = layer.columnStart[j]!; k < layer.columnStart[j + 1]!; k++) {
        target.push(offsets[l]! + layer.columnUnit[k]!);
        weight.push(layer.columnWeight[k]!);
      }
      start[firstSource + j + 1] = target.length;
    }
  });
  // Output units feed nothing: their ranges are empty.
  for (let s = 1; s <= sources; s++) if (start[s]! < start[s - 1]!) start[s] = start[s - 1]!;
  return { start, target: Int32Array.from(target), weight: Float64Array.from(weight) };
}

/** Exact rational evaluation of every input from scratch: the fallback when integers won't do. */
export class ExactEvaluator implements Evaluator {
  readonly outputs: Float64Array;
  private readonly net: Network;
  private readonly input: Rational[];

  constructor(net: Network) {
    this.net = net;
    this.input = Array.from({ length: net.inputSize }, () => Rational.ZERO);
    this.outputs = new Float64Array(net.outputSize);
  }

  set(j: number, value: number): void {
    this.input[j] = Rational.integer(value);
  }

  startRun(): void {}

  evaluateLast(value: number): number {
    this.set(this.input.length - 1, value);
    traceExact(this.net, this.input).output.forEach((v, i) => {
      this.outputs[i] = v.toNumber();
    });
    return 0;
  }
}
