// Sorting networks as threshold networks: a comparator is min/max, built from one relu.
import { identity, relu } from "./activation.js";
import { ThresholdError } from "./errors.js";
import { type Network, network } from "./network.js";

/**
 * One stage of a sorting network on `n` wires: each comparator (i, j), i < j, puts min at i and
 * max at j via min = a − relu(a − b), max = b + relu(a − b). Two layers: copies and relus, then sums.
 */
export function comparatorStage(n: number, pairs: readonly (readonly [number, number])[]): Network {
  const used = new Set<number>();
  for (const [i, j] of pairs) {
    if (!(Number.isInteger(i) && Number.isInteger(j) && 0 <= i && i < j && j < n)) {
      throw new ThresholdError(
        "comparatorStage",
        "argument",
        `comparator (${i}, ${j}) needs 0 ≤ i < j < ${n}`,
      );
    }
    if (used.has(i) || used.has(j)) {
      throw new ThresholdError(
        "comparatorStage",
        "argument",
        `wire ${used.has(i) ? i : j} is in two comparators of one stage`,
      );
    }
    used.add(i).add(j);
  }
  const copies = Array.from({ length: n }, (_, w) =>
    Array.from({ length: n }, (_, j) => (j === w ? 1 : 0)),
  );
  const differences = pairs.map(([i, j]) =>
    Array.from({ length: n }, (_, w) => (w === i ? 1 : w === j ? -1 : 0)),
  );
  const sums = Array.from({ length: n }, (_, w) => {
    const row = new Array<number>(n + pairs.length).fill(0);
    row[w] = 1;
    pairs.forEach(([i, j], k) => {
      if (w === i) row[n + k] = -1;
      if (w === j) row[n + k] = 1;
    });
    return row;
  });
  return network([
    {
      name: "compare",
      weights: [...copies, ...differences],
      activation: [...copies.map(() => identity()), ...differences.map(() => relu())],
    },
    { name: "exchange", weights: sums, activation: "identity" },
  ]);
}
