import {
  formatTrace,
  type LayerSpec,
  MAX_PREPARED_INPUTS,
  type Network,
  network,
  prepareVerification,
  ThresholdError,
  type Question as ThresholdQuestion,
  type Verification,
  verify,
} from "@nnkit/threshold";
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
import { type Check, graded, invalid } from "./check.js";

export interface ThresholdCheckOptions {
  /** The question as @nnkit/threshold states it: target, arity, assumption, domain. */
  readonly question: ThresholdQuestion;
  /** Inputs range over lo..hi (integers) when verifying. */
  readonly range: readonly [number, number];
  /** How the answer gives its network. */
  readonly form: "one-hidden-layer" | "layers";
  /** Activation used where the answer names none (the handout's φ). */
  readonly defaultActivation: string;
  /** Weights (and biases) the network may have in all, which bounds verification time. */
  readonly maxParameters?: number;
}

/** Largest weight or bias accepted, which keeps verification in fast integer arithmetic. */
const MAX_MAGNITUDE = 1e6;

/** Spellings of the handout's φ that the threshold package's spec syntax does not know. */
const ACTIVATION_ALIASES: Readonly<Record<string, string>> = {
  phi: "indicator[-1,1]",
  φ: "indicator[-1,1]",
};

/**
 * Builds the student's network and verifies it with @nnkit/threshold on every input of the
 * question's domain (under the handout's assumption). A failure shows the counterexample input, the
 * expected and the actual output, and every layer's values.
 */
export function thresholdCheck(options: ThresholdCheckOptions): Check {
  const maxParameters = options.maxParameters ?? 600;
  const [lo, hi] = options.range;
  let verifyAnswer: ((net: Network) => Verification) | undefined;
  return {
    kind: "threshold",
    grade(answer) {
      const layers =
        options.form === "layers"
          ? readLayers(answer, options.defaultActivation)
          : readOneHiddenLayer(answer, options.defaultActivation);
      if (!layers.ok) return invalid(layers.message);
      const parameters = layers.value.reduce(
        (n, l) => n + l.weights.length * (l.weights[0]!.length + 1),
        0,
      );
      if (parameters > maxParameters) {
        return invalid(
          `the network has ${parameters} weights and biases; at most ${maxParameters} are accepted`,
        );
      }
      if (layers.value.some(hasHugeParameter)) {
        return invalid(`weights and biases must be at most ${MAX_MAGNITUDE} in magnitude`);
      }
      let net: ReturnType<typeof network>;
      try {
        net = network(layers.value);
      } catch (error) {
        if (!(error instanceof ThresholdError)) throw error;
        return error.code === "shape" ? graded(0, error.message) : invalid(error.message);
      }
      if (net.inputSize !== options.question.arity || net.outputSize !== 1) {
        return graded(
          0,
          `the network maps ${net.inputSize} inputs to ${net.outputSize} outputs; expected ${options.question.arity} inputs and 1 output`,
        );
      }
      verifyAnswer ??= verifier(options.question, lo, hi);
      const result = verifyAnswer(net);
      const assumed = result.assumption ? `, assuming ${result.assumption}` : "";
      if (result.status === "pass") {
        return graded(
          1,
          `correct: verified on all ${result.checked} inputs with entries in ${lo}..${hi}${assumed}`,
        );
      }
      if (result.status === "fail") {
        const { input, expected, actual, trace } = result.counterexample;
        return graded(
          0,
          `wrong at x = [${input.join(", ")}]: expected ${expected.join(", ")}, the network gives ${actual.join(", ")}${assumed}\n${formatTrace(trace)}`,
        );
      }
      return invalid("verification did not finish");
    },
  };
}

/**
 * The target's values on the domain are the same for every answer, so the domain is walked once
 * (on first use) and each answer only costs its network's evaluation; a domain too large to keep
 * is verified afresh each time.
 */
function verifier(
  question: ThresholdQuestion,
  lo: number,
  hi: number,
): (net: Network) => Verification {
  const domain = question.domain(lo, hi);
  if (domain.size > MAX_PREPARED_INPUTS) return (net) => verify(net, question.target, domain);
  const prepared = prepareVerification(question.target, domain);
  return (net) => prepared.verify(net);
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
    layers.push({
      name: label,
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
