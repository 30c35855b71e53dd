import { rng } from "@nnkit/tensor";

/** `count` seeded points with every size an integer in [low, high). */
export function samplePoints(
  symbols: readonly string[],
  count: number,
  seed: number,
  low = 1,
  high = 60,
): Map<string, number>[] {
  if (symbols.length === 0) return [new Map()];
  const values = rng(seed).integers([count, symbols.length], low, high).toTypedArray();
  return Array.from(
    { length: count },
    (_, k) => new Map(symbols.map((name, j) => [name, values[k * symbols.length + j]!])),
  );
}
