import * as smt from "@nnkit/smt";
import type { Activation } from "./activation.js";
import { firingWindow, unitScale } from "./compile.js";
import type { Layer, Network } from "./network.js";

const ONE = smt.constant(1);
const ZERO = smt.constant(0);

/** A unit's output as a solver term of its pre-activation z, exactly as `applyActivation`. */
function activationTerm(activation: Activation, z: smt.Term): smt.Term {
  switch (activation.kind) {
    case "step": {
      const fires = activation.inclusive ? smt.ge : smt.gt;
      return smt.ite(fires(z, smt.constant(activation.threshold)), ONE, ZERO);
    }
    case "indicator": {
      const low = activation.lowClosed ? smt.ge : smt.gt;
      const high = activation.highClosed ? smt.le : smt.lt;
      const inside = smt.and(
        low(z, smt.constant(activation.low)),
        high(z, smt.constant(activation.high)),
      );
      return smt.ite(inside, ONE, ZERO);
    }
    case "equals":
      return smt.ite(smt.eq(z, smt.constant(activation.value)), ONE, ZERO);
    case "sign":
      return smt.ite(smt.gt(z, ZERO), ONE, smt.ite(smt.lt(z, ZERO), smt.constant(-1), ZERO));
    case "identity":
      return z;
    case "relu":
      return smt.ite(smt.gt(z, ZERO), z, ZERO);
  }
}

/**
 * A threshold or sign unit reading integer values, in integers: N = D·z with D the lcm of its
 * denominators, and its window [lo, hi] on N (as the integer engine does). Linear integer
 * arithmetic with big coefficients is much easier for the solver than the same over the reals.
 */
function integerUnit(layer: Layer, unit: number, values: readonly smt.Term[]): smt.Term {
  const activation = layer.activations[unit]!;
  const scale = unitScale(layer, unit);
  const parts: smt.Term[] = [];
  layer.weights[unit]!.forEach((w, j) => {
    if (w.num === 0n) return;
    const scaled = (w.num * scale) / w.den;
    parts.push(scaled === 1n ? values[j]! : smt.mul(scaled, values[j]!));
  });
  const bias = (layer.bias[unit]!.num * scale) / layer.bias[unit]!.den;
  if (bias !== 0n || parts.length === 0) parts.push(smt.constant(bias));
  const n = parts.length === 1 ? parts[0]! : smt.add(...parts);
  if (activation.kind === "sign") return activationTerm(activation, n);
  const [lo, hi] = firingWindow(activation, scale);
  const inside = smt.and(
    ...(lo === null ? [] : [smt.ge(n, lo)]),
    ...(hi === null ? [] : [smt.le(n, hi)]),
  );
  return smt.ite(inside, ONE, ZERO);
}

const passesValue = (a: Activation) => a.kind === "identity" || a.kind === "relu";

/**
 * The network's outputs as exact solver terms of the input terms `x`: weights are their exact
 * rationals, zero weights are left out, and every unit is one shared term (a DAG, translated once).
 */
export function networkTerms(net: Network, x: readonly smt.Term[]): smt.Term[] {
  let values: readonly smt.Term[] = x;
  for (const layer of net.layers) {
    const integers = values.every((v) => smt.sortOf(v) === "int");
    const previous = values;
    values = layer.weights.map((row, unit) => {
      if (integers && !passesValue(layer.activations[unit]!)) {
        return integerUnit(layer, unit, previous);
      }
      const parts: smt.Term[] = [];
      row.forEach((w, j) => {
        if (w.num === 0n) return;
        parts.push(
          w.num === 1n && w.den === 1n ? values[j]! : smt.mul(smt.constant(w), values[j]!),
        );
      });
      const bias = layer.bias[unit]!;
      if (bias.num !== 0n || parts.length === 0) parts.push(smt.constant(bias));
      const z = parts.length === 1 ? parts[0]! : smt.add(...parts);
      return activationTerm(layer.activations[unit]!, z);
    });
  }
  return [...values];
}
