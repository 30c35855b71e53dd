import { rng } from "@nnkit/tensor";
import { rememberBounded } from "../bounded-memo.js";

/** Sets of points remembered; a grading run asks for a handful (one per check and seed). */
const CAPACITY = 64;
const remembered = new Map<string, readonly ReadonlyMap<string, number>[]>();

/**
 * `count` seeded points with every size an integer in [low, high). The points depend only on the
 * arguments, so they are drawn once and shared (read-only) by every answer graded afterwards.
 */
export function samplePoints(
  symbols: readonly string[],
  count: number,
  seed: number,
  low = 1,
  high = 60,
): readonly ReadonlyMap<string, number>[] {
  const key = JSON.stringify([symbols, count, seed, low, high]);
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const points = drawPoints(symbols, count, seed, low, high);
  rememberBounded(remembered, key, points, CAPACITY);
  return points;
}

function drawPoints(
  symbols: readonly string[],
  count: number,
  seed: number,
  low: number,
  high: number,
): ReadonlyMap<string, number>[] {
  if (symbols.length === 0) return [new Map()];
  const values = rng(seed).integers([count, symbols.length], low, high).toTypedArray();
  return Array.from(
    { length: count },
    (_, k) => new Map(symbols.map((name, j) => [name, values[k * symbols.length + j]!])),
  );
}
