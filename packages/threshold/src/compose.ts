import { type Activation, identity, isBinary, phi } from "./activation.js";
import { ThresholdError } from "./errors.js";
import { assembleNetwork, type Layer, layerLabel, type Network } from "./network.js";
import { Rational } from "./rational.js";
import { formatActivation } from "./spec.js";

function requireNetworks(nets: readonly Network[], operation: string): void {
  if (nets.length === 0) throw new ThresholdError(operation, "argument", "needs a network");
}

/** Runs networks one after another: each one's outputs are the next one's inputs. */
export function sequence(...nets: Network[]): Network {
  requireNetworks(nets, "sequence");
  nets.forEach((net, k) => {
    const previous = nets[k - 1];
    if (previous !== undefined && previous.outputSize !== net.inputSize) {
      throw new ThresholdError(
        `sequence: network ${k + 1}`,
        "shape",
        `expects ${net.inputSize} inputs but network ${k} has ${previous.outputSize} outputs`,
      );
    }
  });
  return assembleNetwork(
    nets.flatMap((net) => net.layers),
    "sequence",
  );
}

function constant(value: bigint, length: number): Rational[] {
  return Array.from({ length }, () => Rational.integer(value));
}

/** A layer passing k values through unchanged (identity units), to pad a shallower network. */
function passThrough(k: number): Layer {
  return {
    name: "pass-through",
    weights: Array.from({ length: k }, (_, u) =>
      constant(0n, k).map((w, j) => (j === u ? Rational.ONE : w)),
    ),
    bias: constant(0n, k),
    activations: Array.from({ length: k }, () => identity()),
  };
}

function padded(net: Network, depth: number): Layer[] {
  const layers = [...net.layers];
  while (layers.length < depth) layers.push(passThrough(net.outputSize));
  return layers;
}

/**
 * Runs networks side by side on the same inputs and concatenates their outputs. Layer l of the
 * result is block-diagonal (layer 1 stacks rows, as every block reads the inputs); shallower
 * networks are padded with identity layers.
 */
export function parallel(...nets: Network[]): Network {
  requireNetworks(nets, "parallel");
  const inputSize = nets[0]!.inputSize;
  nets.forEach((net, k) => {
    if (net.inputSize !== inputSize) {
      throw new ThresholdError(
        `parallel: network ${k + 1}`,
        "shape",
        `expects ${net.inputSize} inputs but network 1 expects ${inputSize}`,
      );
    }
  });
  const depth = Math.max(...nets.map((net) => net.layers.length));
  const columns = nets.map((net) => padded(net, depth));
  const layers = Array.from({ length: depth }, (_, l): Layer => {
    const blocks = columns.map((layers) => layers[l]!);
    const widths = blocks.map((b) => b.weights[0]!.length);
    const total = widths.reduce((a, b) => a + b, 0);
    const offsets = widths.map((_, k) => widths.slice(0, k).reduce((a, b) => a + b, 0));
    const weights = blocks.flatMap((block, k) =>
      block.weights.map((row) =>
        l === 0
          ? row
          : [
              ...constant(0n, offsets[k]!),
              ...row,
              ...constant(0n, total - offsets[k]! - row.length),
            ],
      ),
    );
    const layer: Layer = {
      weights,
      bias: blocks.flatMap((b) => b.bias),
      activations: blocks.flatMap((b) => b.activations),
    };
    // Keep a name the blocks share (e.g. "equalities" across copies of one module).
    const name = blocks[0]!.name;
    return name !== undefined && blocks.every((b) => b.name === name) ? { name, ...layer } : layer;
  });
  return assembleNetwork(layers, "parallel");
}

/**
 * Feeds the network from a larger input vector: its input k reads outer input `sources[k]`
 * (0-based) of `inputSize`. E.g. a membership module asking x_i ∈ {x4, x5, x6} of six inputs is
 * `selectInputs(memberNet, [3, 4, 5, i], 6)`.
 */
export function selectInputs(net: Network, sources: readonly number[], inputSize: number): Network {
  if (sources.length !== net.inputSize) {
    throw new ThresholdError(
      "selectInputs",
      "shape",
      `${sources.length} sources for a network with ${net.inputSize} inputs`,
    );
  }
  sources.forEach((s, k) => {
    if (!Number.isInteger(s) || s < 0 || s >= inputSize) {
      throw new ThresholdError(
        "selectInputs",
        "shape",
        `source ${k + 1} is ${s}, not in 0..${inputSize - 1}`,
      );
    }
  });
  const [first, ...rest] = net.layers;
  const weights = first!.weights.map((row) =>
    Array.from({ length: inputSize }, (_, i) =>
      row.reduce((sum, w, k) => (sources[k] === i ? sum.add(w) : sum), Rational.ZERO),
    ),
  );
  return assembleNetwork([{ ...first!, weights }, ...rest], "selectInputs");
}

function requireBinaryOutputs(net: Network, operation: string): void {
  const index = net.layers.length - 1;
  const last = net.layers[index]!;
  last.activations.forEach((activation, unit) => {
    if (!isBinary(activation)) {
      throw new ThresholdError(
        `${operation}: ${layerLabel(index, last.name)}, unit ${unit + 1}`,
        "shape",
        `output activation ${formatActivation(activation)} is not 0/1-valued`,
      );
    }
  });
}

function gated(nets: Network[], operation: string, gate: (k: number) => Layer): Network {
  requireNetworks(nets, operation);
  const combined = nets.length === 1 ? nets[0]! : parallel(...nets);
  requireBinaryOutputs(combined, operation);
  return assembleNetwork([...combined.layers, gate(combined.outputSize)], operation);
}

function unit(name: string, weights: Rational[], bias: Rational, activation: Activation): Layer {
  return { name, weights: [weights], bias: [bias], activations: [activation] };
}

/**
 * 1 iff every output of the networks is 1; built with φ = I(z ∈ [−1, 1]) as
 * φ(2Σ − 2k) (φ(Σ − k) would wrongly fire at Σ = k − 1).
 */
export function conjunction(...nets: Network[]): Network {
  return gated(nets, "conjunction", (k) =>
    unit("and", constant(2n, k), Rational.integer(-2 * k), phi),
  );
}

/**
 * 1 iff some output is 1, with φ: z = (2Σ − k − 1)/(k − 1) maps Σ = 1..k exactly onto [−1, 1]
 * (for k = 6 the weights are 2/5 and the bias −7/5, which exact arithmetic handles at the ends).
 */
export function disjunction(...nets: Network[]): Network {
  return gated(nets, "disjunction", (k) => {
    const scale = BigInt(Math.max(k - 1, 1));
    const bias = k === 1 ? Rational.integer(-2) : Rational.of(-BigInt(k + 1), scale);
    return unit(
      "or",
      constant(0n, k).map(() => Rational.of(2n, scale)),
      bias,
      phi,
    );
  });
}

/** Flips every 0/1 output, with φ(2y): fires iff y = 0. */
export function negation(net: Network): Network {
  return gated([net], "negation", (k) => ({
    name: "not",
    weights: Array.from({ length: k }, (_, u) =>
      constant(0n, k).map((w, j) => (j === u ? Rational.integer(2) : w)),
    ),
    bias: constant(0n, k),
    activations: Array.from({ length: k }, () => phi),
  }));
}
