import { applyActivation } from "./activation.js";
import { ThresholdError } from "./errors.js";
import type { Network } from "./network.js";
import { type Rational, type Scalar, toRational } from "./rational.js";

/** One layer's values for one input: z = W·h + b and the activation of each unit. */
export interface LayerTrace {
  readonly name?: string;
  readonly preActivation: readonly Rational[];
  readonly activation: readonly Rational[];
}

/** Every layer's exact values for one input, as shown for a counterexample. */
export interface Trace {
  readonly input: readonly Rational[];
  readonly layers: readonly LayerTrace[];
  readonly output: readonly Rational[];
}

/** Reads an input vector exactly and checks its length against the network. */
export function readInput(net: Network, input: readonly Scalar[], operation: string): Rational[] {
  if (!Array.isArray(input) || input.length !== net.inputSize) {
    const got = Array.isArray(input) ? `${input.length}` : "not an array";
    throw new ThresholdError(
      operation,
      "input",
      `network expects ${net.inputSize} inputs (layer 1 has ${net.inputSize} weight columns), got ${got}`,
    );
  }
  return input.map((x, i) => {
    try {
      return toRational(x, `${operation}: input x${i + 1}`);
    } catch (error) {
      if (error instanceof ThresholdError) {
        throw new ThresholdError(error.where, "input", error.message.slice(error.where.length + 2));
      }
      throw error;
    }
  });
}

/** Runs the network on exact values; no rounding anywhere. */
export function traceExact(net: Network, input: readonly Rational[]): Trace {
  let values: readonly Rational[] = input;
  const layers = net.layers.map((layer) => {
    const preActivation = layer.weights.map((row, unit) =>
      row.reduce((sum, w, j) => sum.add(w.mul(values[j]!)), layer.bias[unit]!),
    );
    const activation = preActivation.map((z, unit) => applyActivation(layer.activations[unit]!, z));
    values = activation;
    const layerTrace: LayerTrace = { preActivation, activation };
    return layer.name === undefined ? layerTrace : { name: layer.name, ...layerTrace };
  });
  return { input, layers, output: values };
}

/** Every layer's exact pre-activations and activations for one input. */
export function trace(net: Network, input: readonly Scalar[]): Trace {
  return traceExact(net, readInput(net, input, "trace"));
}

/**
 * The network's outputs for one input, computed exactly and returned as numbers (exact whenever
 * the true output is an integer, as every threshold unit's is). Use {@link trace} for rationals.
 */
export function evaluate(net: Network, input: readonly Scalar[]): number[] {
  return traceExact(net, readInput(net, input, "evaluate")).output.map((v) => v.toNumber());
}
