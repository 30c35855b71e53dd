// Reading the student's threshold network out of a 1.1 / 1.2 answer: the part of the threshold
// check that comes before verification, shared with tools that show the student their own network.
import { type LayerSpec, type Network, network, ThresholdError } from "@nnkit/threshold";
import type { AnswerValue } from "../answers/answer-value.js";
import { describeValue } from "../answers/answer-value.js";
import {
  type Read,
  readFailure,
  readMapping,
  readNumeric,
  readText,
  requireField,
} from "../answers/read-values.js";
import type { NumericArray } from "../math/constant.js";

/** How an answer gives its network: 1.1's `W1, b1, W2, b2` or 1.2's `layers: […]`. */
export type NetworkForm = "one-hidden-layer" | "layers";

export interface NetworkReadOptions {
  readonly form: NetworkForm;
  /** Activation used where the answer names none (the handout's φ). */
  readonly defaultActivation: string;
  /** Inputs the network must take (it always has one output). */
  readonly arity: number;
  /** Weights (and biases) the network may have in all, which bounds verification time. */
  readonly maxParameters: number;
}

/** Largest weight or bias accepted, which keeps verification in fast integer arithmetic. */
const MAX_MAGNITUDE = 1e6;

/** Spellings of the handout's φ that the threshold package's spec syntax does not know. */
const ACTIVATION_ALIASES: Readonly<Record<string, string>> = {
  phi: "indicator[-1,1]",
  φ: "indicator[-1,1]",
};

/**
 * The network an answer gives, or why the grader does not verify one: `missing` when there is no
 * answer, `invalid` when it cannot be read as a network, `wrong` when it is a network of the wrong
 * shape (graded 0).
 */
export type AnswerNetworkResult =
  | { readonly ok: true; readonly network: Network }
  | { readonly ok: false; readonly verdict: RefusedVerdict; readonly reason: string };

export type RefusedVerdict = "missing" | "invalid" | "wrong";

export function refused(verdict: RefusedVerdict, reason: string): AnswerNetworkResult {
  return { ok: false, verdict, reason };
}

/** Builds the answer's network with @nnkit/threshold, with every limit the grader applies. */
export function readAnswerNetwork(
  answer: AnswerValue,
  options: NetworkReadOptions,
): AnswerNetworkResult {
  const layers =
    options.form === "layers"
      ? readLayers(answer, options.defaultActivation)
      : readOneHiddenLayer(answer, options.defaultActivation);
  if (!layers.ok) return refused("invalid", layers.message);
  const parameters = layers.value.reduce(
    (n, l) => n + l.weights.length * (l.weights[0]!.length + 1),
    0,
  );
  if (parameters > options.maxParameters) {
    return refused(
      "invalid",
      `the network has ${parameters} weights and biases; at most ${options.maxParameters} are accepted`,
    );
  }
  if (layers.value.some(hasHugeParameter)) {
    return refused("invalid", `weights and biases must be at most ${MAX_MAGNITUDE} in magnitude`);
  }
  let net: Network;
  try {
    net = network(layers.value);
  } catch (error) {
    if (!(error instanceof ThresholdError)) throw error;
    return refused(error.code === "shape" ? "wrong" : "invalid", withoutOperation(error));
  }
  if (net.inputSize !== options.arity || net.outputSize !== 1) {
    return refused(
      "wrong",
      `the network maps ${net.inputSize} inputs to ${net.outputSize} outputs; expected ${options.arity} inputs and 1 output`,
    );
  }
  return { ok: true, network: net };
}

/**
 * The error without its operation's name: the part's label already says "network", so
 * 'network: layer 2 "output": …' would read "network: network: layer 2 …" in feedback.
 */
function withoutOperation(error: ThresholdError): string {
  const operation = "network: ";
  return error.message.startsWith(operation)
    ? error.message.slice(operation.length)
    : error.message;
}

function hasHugeParameter(layer: LayerSpec): boolean {
  const values = [...layer.weights.flat(), ...[layer.bias ?? 0].flat()];
  return values.some((w) => !(Math.abs(Number(w)) <= MAX_MAGNITUDE));
}

/** `W1`, `b1`, `W2`, `b2`, optional `activation` (1.1's shape). */
function readOneHiddenLayer(answer: AnswerValue, defaultActivation: string): Read<LayerSpec[]> {
  const fields = readMapping(answer, "the answer");
  if (!fields.ok) return fields;
  const activation = readActivation(
    fields.value.get("activation"),
    defaultActivation,
    "activation",
  );
  if (!activation.ok) return activation;
  const values: NumericArray[] = [];
  for (const key of ["W1", "b1", "W2", "b2"]) {
    const field = requireField(fields.value, key, "the answer");
    if (!field.ok) return field;
    const value = readNumeric(field.value, key);
    if (!value.ok) return value;
    values.push(value.value);
  }
  const [w1, b1, w2, b2] = values as [NumericArray, NumericArray, NumericArray, NumericArray];
  return {
    ok: true,
    value: [
      { name: "hidden", weights: rowsOf(w1), bias: biasOf(b1), activation: activation.value },
      { name: "output", weights: rowsOf(w2), bias: biasOf(b2), activation: activation.value },
    ],
  };
}

/** `layers: [{W, b, activation}, …]` (1.2's shape). */
function readLayers(answer: AnswerValue, defaultActivation: string): Read<LayerSpec[]> {
  const fields = readMapping(answer, "the answer");
  if (!fields.ok) return fields;
  const list = requireField(fields.value, "layers", "the answer");
  if (!list.ok) return list;
  if (list.value.type !== "list" || list.value.items.length === 0) {
    return readFailure(
      `'layers' must be a list of {W, b, activation}; found ${describeValue(list.value)}`,
    );
  }
  if (list.value.items.length > 8) return readFailure("at most 8 layers are accepted");
  const layers: LayerSpec[] = [];
  for (const [index, item] of list.value.items.entries()) {
    const label = `layer ${index + 1}`;
    const layer = readMapping(item, label);
    if (!layer.ok) return layer;
    const weights = requireField(layer.value, "W", label);
    if (!weights.ok) return weights;
    const w = readNumeric(weights.value, `${label} W`);
    if (!w.ok) return w;
    const biasField = layer.value.get("b");
    const b = biasField === undefined ? undefined : readNumeric(biasField, `${label} b`);
    if (b !== undefined && !b.ok) return b;
    const activation = readActivation(
      layer.value.get("activation"),
      defaultActivation,
      `${label} activation`,
    );
    if (!activation.ok) return activation;
    // Unnamed: the threshold package labels it "layer N" itself (a name would read 'layer 1 "layer 1"').
    layers.push({
      weights: rowsOf(w.value),
      bias: b === undefined ? 0 : biasOf(b.value),
      activation: activation.value,
    });
  }
  return { ok: true, value: layers };
}

/** One spec for the layer, or a list with one per unit. */
function readActivation(
  value: AnswerValue | undefined,
  defaultActivation: string,
  label: string,
): Read<string | string[]> {
  if (value === undefined || value.type === "null") return { ok: true, value: defaultActivation };
  const one = (item: AnswerValue): Read<string> => {
    const text = readText(item, label);
    return text.ok
      ? { ok: true, value: ACTIVATION_ALIASES[text.value.trim()] ?? text.value }
      : text;
  };
  if (value.type !== "list") return one(value);
  const specs: string[] = [];
  for (const item of value.items) {
    const spec = one(item);
    if (!spec.ok) return spec;
    specs.push(spec.value);
  }
  return { ok: true, value: specs };
}

/** A matrix's rows; a plain list is one unit's weights (a 1×n row). */
function rowsOf(a: NumericArray): number[][] {
  if (a.shape.length < 2) return [[...a.data]];
  const columns = a.shape[1]!;
  return Array.from({ length: a.shape[0]! }, (_, r) =>
    a.data.slice(r * columns, (r + 1) * columns),
  );
}

function biasOf(a: NumericArray): number | number[] {
  return a.shape.length === 0 ? a.data[0]! : [...a.data];
}
