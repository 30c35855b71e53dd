import type { Activation } from "./activation.js";
import { ThresholdError } from "./errors.js";
import { Rational, type Scalar, toRational } from "./rational.js";
import { type ActivationSpec, parseActivation } from "./spec.js";

/** One layer as written: W is units × inputs; b defaults to 0; one activation or one per unit. */
export interface LayerSpec {
  readonly name?: string;
  readonly weights: readonly (readonly Scalar[])[];
  readonly bias?: Scalar | readonly Scalar[];
  readonly activation: string | Activation | readonly (string | Activation)[];
}

/** A validated layer: exact weights, one bias and one activation per unit. */
export interface Layer {
  readonly name?: string;
  readonly weights: readonly (readonly Rational[])[];
  readonly bias: readonly Rational[];
  readonly activations: readonly Activation[];
}

/** A layer's `activation` with its literal specs checked ({@link ActivationSpec}). */
type CheckedActivation<A> = A extends readonly unknown[]
  ? { readonly [K in keyof A]: CheckedSpec<A[K]> }
  : CheckedSpec<A>;
type CheckedSpec<A> = A extends string ? ActivationSpec<A> : A;

/**
 * Layers as written, with each literal activation spec checked at compile time: a typo such as
 * `activation: "indicator[-1,1"` fails to compile; specs held in `string`s are checked at run time.
 */
export type CheckedLayers<L extends readonly unknown[]> = {
  [K in keyof L]: L[K] extends { readonly activation: infer A }
    ? [A] extends [CheckedActivation<A>]
      ? L[K]
      : Omit<L[K], "activation"> & { readonly activation: CheckedActivation<A> }
    : L[K];
};

declare const validated: unique symbol;

/**
 * A feed-forward network of layers; layer l's units are layer l + 1's inputs. Branded: only
 * `network`, `fromJSON` and the combinators make one, so every Network has been checked.
 */
export interface Network {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly layers: readonly Layer[];
  readonly [validated]: true;
}

/** "layer 2 "output"" (1-based, as people count layers). */
export function layerLabel(index: number, name?: string): string {
  return name === undefined ? `layer ${index + 1}` : `layer ${index + 1} "${name}"`;
}

const KINDS = new Set(["step", "sign", "indicator", "equals", "identity", "relu"]);

function readActivation(spec: string | Activation, where: string): Activation {
  if (typeof spec === "string") return parseActivation(spec, where);
  if (typeof spec !== "object" || spec === null || !KINDS.has(spec.kind)) {
    throw new ThresholdError(
      where,
      "activation",
      `activation must be a text spec (e.g. "indicator[-1,1]") or an Activation, got ${String(spec)}`,
    );
  }
  return spec;
}

function readActivations(spec: LayerSpec["activation"] | undefined, units: number, where: string) {
  if (typeof spec === "string" || !Array.isArray(spec)) {
    const one = readActivation(spec as string | Activation, where);
    return Array.from({ length: units }, () => one);
  }
  if (spec.length !== units) {
    throw new ThresholdError(
      where,
      "shape",
      `${spec.length} activations for ${units} units (give one, or one per unit)`,
    );
  }
  return spec.map((one, unit) => readActivation(one, `${where}, unit ${unit + 1}`));
}

function readBias(spec: LayerSpec["bias"], units: number, where: string): Rational[] {
  if (spec === undefined) return Array.from({ length: units }, () => Rational.ZERO);
  if (!Array.isArray(spec)) {
    const one = toRational(spec as Scalar, `${where}, bias`);
    return Array.from({ length: units }, () => one);
  }
  if (spec.length !== units) {
    throw new ThresholdError(where, "shape", `bias has ${spec.length} entries for ${units} units`);
  }
  return spec.map((b, unit) => toRational(b, `${where}, bias ${unit + 1}`));
}

function readWeights(spec: LayerSpec["weights"], where: string): Rational[][] {
  if (!Array.isArray(spec) || spec.length === 0) {
    throw new ThresholdError(where, "shape", "weights must be a non-empty array of rows");
  }
  const columns = Array.isArray(spec[0]) ? spec[0].length : 0;
  return spec.map((row, unit) => {
    if (!Array.isArray(row) || row.length !== columns || columns === 0) {
      const got = Array.isArray(row) ? `${row.length} weights` : "not an array";
      throw new ThresholdError(
        where,
        "shape",
        `row ${unit + 1} has ${got}, expected ${columns || "at least 1"} like row 1`,
      );
    }
    return row.map((w, input) => toRational(w, `${where}, weight [${unit + 1}][${input + 1}]`));
  });
}

/**
 * Validates one layer spec (or re-validates a layer taken from another network); `index` is used
 * only to name the layer in errors.
 */
export function toLayer(spec: LayerSpec | Layer, index = 0, operation = "layer"): Layer {
  const where = `${operation}: ${layerLabel(index, spec.name)}`;
  const weights = readWeights(spec.weights, where);
  const activation = "activation" in spec ? spec.activation : spec.activations;
  const layer: Layer = {
    weights,
    bias: readBias(spec.bias, weights.length, where),
    activations: readActivations(activation, weights.length, where),
  };
  return spec.name === undefined ? layer : { name: spec.name, ...layer };
}

/** Checks that consecutive layers fit together and wraps them as a network. */
export function assembleNetwork(layers: readonly Layer[], operation = "network"): Network {
  if (layers.length === 0) throw new ThresholdError(operation, "shape", "a network needs a layer");
  layers.forEach((layer, index) => {
    if (index === 0) return;
    const expected = layers[index - 1]!.weights.length;
    const got = layer.weights[0]!.length;
    if (got !== expected) {
      throw new ThresholdError(
        `${operation}: ${layerLabel(index, layer.name)}`,
        "shape",
        `weights have ${got} columns but ${layerLabel(index - 1, layers[index - 1]!.name)} ` +
          `has ${expected} units`,
      );
    }
  });
  return {
    inputSize: layers[0]!.weights[0]!.length,
    outputSize: layers[layers.length - 1]!.weights.length,
    layers,
  } as Network;
}

/**
 * Builds a network from layer specs (or layers of other networks), e.g. is x4 one of x1, x2, x3:
 * `network([{ weights: [[-2,0,0,2],[0,-2,0,2],[0,0,-2,2]], activation: "indicator[-1,1]" },
 *           { weights: [[-2,-2,-2]], bias: 2, activation: "indicator[-1,1]" }])`.
 */
export function network<const L extends readonly (LayerSpec | Layer)[]>(
  layers: CheckedLayers<L>,
): Network {
  if (!Array.isArray(layers)) throw new ThresholdError("network", "argument", "expected an array");
  return assembleNetwork(layers.map((spec, index) => toLayer(spec, index, "network")));
}
