import type { Trace } from "./evaluate.js";
import type { Network } from "./network.js";
import { layerLabel } from "./network.js";
import type { Rational } from "./rational.js";
import { formatActivation } from "./spec.js";

/** Input names x1, x2, …; hidden units h<layer>.<unit>; output units y1, y2, …. */
function unitNames(net: Network, layer: number): string[] {
  const count = layer < 0 ? net.inputSize : net.layers[layer]!.weights.length;
  if (layer < 0) return Array.from({ length: count }, (_, i) => `x${i + 1}`);
  const last = layer === net.layers.length - 1;
  return Array.from({ length: count }, (_, u) => (last ? `y${u + 1}` : `h${layer + 1}.${u + 1}`));
}

/** Right-aligned columns separated by two spaces. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]?.length ?? 0)));
  return rows.map((row) =>
    `  ${row.map((cell, c) => cell.padStart(widths[c]!)).join("  ")}`.trimEnd(),
  );
}

/**
 * A readable print of each layer: a weight table with one row per unit, the bias, and the
 * activation (once per layer, or per unit when they differ).
 */
export function formatNetwork(net: Network): string {
  const sizes = [net.inputSize, ...net.layers.map((l) => l.weights.length)].join(" → ");
  const lines = [`network: ${sizes}`];
  net.layers.forEach((layer, l) => {
    const specs = layer.activations.map(formatActivation);
    const uniform = specs.every((s) => s === specs[0]);
    const units = layer.weights.length;
    lines.push(
      `${layerLabel(l, layer.name)}: ${units} unit${units === 1 ? "" : "s"}` +
        (uniform ? `, activation ${specs[0]}` : ""),
    );
    const names = unitNames(net, l);
    const header = [
      "",
      ...unitNames(net, l - 1),
      "|",
      "bias",
      ...(uniform ? [] : ["|", "activation"]),
    ];
    const rows = layer.weights.map((row, u) => [
      names[u]!,
      ...row.map(String),
      "|",
      String(layer.bias[u]),
      ...(uniform ? [] : ["|", specs[u]!]),
    ]);
    lines.push(...table([header, ...rows]));
  });
  return lines.join("\n");
}

function list(values: readonly Rational[]): string {
  return `[${values.map(String).join(", ")}]`;
}

/** One line per layer: pre-activations z and activations, e.g. for a counterexample. */
export function formatTrace(trace: Trace): string {
  const lines = [`input ${list(trace.input)}`];
  trace.layers.forEach((layer, l) => {
    lines.push(
      `${layerLabel(l, layer.name)}: z = ${list(layer.preActivation)} → ${list(layer.activation)}`,
    );
  });
  return lines.join("\n");
}
