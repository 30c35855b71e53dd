import { ThresholdError } from "./errors.js";
import { type Network, network } from "./network.js";
import { formatActivation } from "./spec.js";

/** A network as JSON: weights are numbers or exact text ("1/2"), activations text specs. */
export interface NetworkJSON {
  readonly format: "nnkit-threshold";
  readonly version: 1;
  readonly inputs: number;
  readonly layers: readonly LayerJSON[];
}

export interface LayerJSON {
  readonly name?: string;
  readonly weights: readonly (readonly (number | string)[])[];
  readonly bias: readonly (number | string)[];
  /** One spec for the whole layer, or one per unit. */
  readonly activation: string | readonly string[];
}

/** The network as plain JSON data; `fromJSON(toJSON(net))` is the same network. */
export function toJSON(net: Network): NetworkJSON {
  return {
    format: "nnkit-threshold",
    version: 1,
    inputs: net.inputSize,
    layers: net.layers.map((layer) => {
      const specs = layer.activations.map(formatActivation);
      const activation = specs.every((s) => s === specs[0]) ? specs[0]! : specs;
      const body = {
        weights: layer.weights.map((row) => row.map((w) => w.toJSON())),
        bias: layer.bias.map((b) => b.toJSON()),
        activation,
      };
      return layer.name === undefined ? body : { name: layer.name, ...body };
    }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads and validates a network from JSON data (or JSON text). */
export function fromJSON(json: unknown): Network {
  let data = json;
  if (typeof json === "string") {
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new ThresholdError("fromJSON", "format", `not JSON (${(error as Error).message})`);
    }
  }
  if (!isRecord(data) || data.format !== "nnkit-threshold" || data.version !== 1) {
    throw new ThresholdError(
      "fromJSON",
      "format",
      'expected an object with format "nnkit-threshold" and version 1',
    );
  }
  if (!Array.isArray(data.layers) || !data.layers.every(isRecord)) {
    throw new ThresholdError("fromJSON", "format", "layers must be an array of objects");
  }
  const net = network(data.layers as never);
  if (data.inputs !== net.inputSize) {
    throw new ThresholdError(
      "fromJSON",
      "shape",
      `"inputs" says ${String(data.inputs)} but layer 1 has ${net.inputSize} weight columns`,
    );
  }
  return net;
}
