// The network being edited in the Threshold lab: cells as the student typed them, turned into a
// @nnkit/threshold network (which validates them) only when evaluated or verified.
import { type Network, type NetworkJSON, network } from "@nnkit/threshold";

export interface DraftLayer {
  /** units × inputs, as typed. */
  weights: string[][];
  bias: string[];
  activation: string;
}

export interface NetworkDraft {
  inputs: number;
  layers: DraftLayer[];
}

/** The homework's φ, the activation every new layer starts with. */
export const defaultActivation = "indicator[-1,1]";

function zeroLayer(units: number, inputs: number): DraftLayer {
  return {
    weights: Array.from({ length: units }, () => Array(inputs).fill("0")),
    bias: Array(units).fill("0"),
    activation: defaultActivation,
  };
}

/** All-zero layers of the given sizes, e.g. `zeroDraft(4, [3, 1])` for 1.1's shape. */
export function zeroDraft(inputs: number, units: readonly number[]): NetworkDraft {
  let fanIn = inputs;
  const layers = units.map((count) => {
    const layer = zeroLayer(count, fanIn);
    fanIn = count;
    return layer;
  });
  return { inputs, layers };
}

/** A draft holding an existing network's values (e.g. the student's saved answer, as JSON). */
export function draftOf(json: NetworkJSON): NetworkDraft {
  return {
    inputs: json.inputs,
    layers: json.layers.map((layer) => ({
      weights: layer.weights.map((row) => row.map(String)),
      bias: layer.bias.map(String),
      activation:
        typeof layer.activation === "string" ? layer.activation : layer.activation.join(" "),
    })),
  };
}

export type Built = { ok: true; network: Network } | { ok: false; message: string };

/** Validates the draft with @nnkit/threshold; its error names the layer, unit and weight. */
export function buildNetwork(draft: NetworkDraft): Built {
  try {
    return {
      ok: true,
      network: network(
        draft.layers.map((layer) => ({
          weights: layer.weights,
          bias: layer.bias,
          activation: layer.activation.includes(" ")
            ? layer.activation.split(/\s+/)
            : layer.activation,
        })),
      ),
    };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

export function setCell(
  draft: NetworkDraft,
  layer: number,
  unit: number,
  column: number,
  text: string,
): NetworkDraft {
  const layers = draft.layers.map((l, i) => {
    if (i !== layer) return l;
    const fanIn = l.weights[0]!.length;
    if (column === fanIn) return { ...l, bias: l.bias.map((b, u) => (u === unit ? text : b)) };
    const weights = l.weights.map((row, u) =>
      u === unit ? row.map((w, j) => (j === column ? text : w)) : row,
    );
    return { ...l, weights };
  });
  return { ...draft, layers };
}

export function setActivation(draft: NetworkDraft, layer: number, spec: string): NetworkDraft {
  return {
    ...draft,
    layers: draft.layers.map((l, i) => (i === layer ? { ...l, activation: spec } : l)),
  };
}

/** A new zero unit after `unit`; the next layer gets a zero weight column for it. */
export function addUnit(draft: NetworkDraft, layer: number, unit: number): NetworkDraft {
  const layers = draft.layers.map((l, i) => {
    if (i === layer) {
      const fanIn = l.weights[0]!.length;
      return {
        ...l,
        weights: l.weights.toSpliced(unit + 1, 0, Array(fanIn).fill("0")),
        bias: l.bias.toSpliced(unit + 1, 0, "0"),
      };
    }
    if (i === layer + 1)
      return { ...l, weights: l.weights.map((row) => row.toSpliced(unit + 1, 0, "0")) };
    return l;
  });
  return { ...draft, layers };
}

/** Removes a unit (never the last one of a layer) and the next layer's weights from it. */
export function removeUnit(draft: NetworkDraft, layer: number, unit: number): NetworkDraft {
  if (draft.layers[layer]!.weights.length === 1) return draft;
  const layers = draft.layers.map((l, i) => {
    if (i === layer) {
      return { ...l, weights: l.weights.toSpliced(unit, 1), bias: l.bias.toSpliced(unit, 1) };
    }
    if (i === layer + 1) return { ...l, weights: l.weights.map((row) => row.toSpliced(unit, 1)) };
    return l;
  });
  return { ...draft, layers };
}

/** A new one-unit zero layer after `layer`; the following layer is rewired to read that unit. */
export function insertLayer(draft: NetworkDraft, layer: number): NetworkDraft {
  const fanIn = draft.layers[layer]!.weights.length;
  const layers = draft.layers.toSpliced(layer + 1, 0, zeroLayer(1, fanIn));
  const next = layers[layer + 2];
  if (next) layers[layer + 2] = { ...next, weights: next.weights.map(() => ["0"]) };
  return { ...draft, layers };
}

/** Removes a layer (never the only one); the following layer is rewired to the one before. */
export function removeLayer(draft: NetworkDraft, layer: number): NetworkDraft {
  if (draft.layers.length === 1) return draft;
  const layers = draft.layers.toSpliced(layer, 1);
  const next = layers[layer];
  if (next) {
    const fanIn = layer === 0 ? draft.inputs : layers[layer - 1]!.weights.length;
    layers[layer] = { ...next, weights: next.weights.map(() => Array(fanIn).fill("0")) };
  }
  return { ...draft, layers };
}
