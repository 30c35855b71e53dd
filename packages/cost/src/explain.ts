import type { ChainShape } from "./chain.js";
import type { CheapestResult } from "./cheapest.js";
import { type Crossover, crossover, formatCondition } from "./crossover.js";
import type { ChainEvaluation } from "./evaluate-chain.js";
import type { GraphCost } from "./graph-cost.js";

/** A numbered, plain-text account of an evaluation a student can follow. */
export function explainEvaluation(evaluation: ChainEvaluation): string {
  const lines = evaluation.steps.map((s, i) => {
    const shapes = `${describeShape(s.leftShape)}·${describeShape(s.rightShape)} → ${describeShape(s.resultShape)}`;
    return `${i + 1}. ${s.expression} = ${s.left} · ${s.right}: ${shapes}, ${s.multiplications} multiplications, ${s.entries} stored`;
  });
  const { memory } = evaluation;
  return [
    `Evaluating ${evaluation.expression} ([a×b]·[b×c] costs abc multiplications, scaling one per entry):`,
    ...lines,
    `Total: ${evaluation.multiplications.toFactoredString()} multiplications.`,
    `Memory, every stored value (inputs ${memory.inputs}, transposes free): ${memory.allStored}.`,
    `Memory, intermediates only: ${memory.intermediates}; peak live: ${memory.peakLive}.`,
  ].join("\n");
}

/** One line per node that multiplies or stores something, then the totals. */
export function explainGraphCost(cost: GraphCost): string {
  const lines = cost.nodes
    .filter((n) => !n.multiplications.isZero() || !n.entries.isZero())
    .map((n) => {
      const shape = `[${n.node.shape.map((d) => (typeof d === "number" ? d : d.name)).join("×")}]`;
      return `${n.label} = ${n.node.op} ${shape}: ${n.multiplications} multiplications, ${n.entries} stored`;
    });
  const { memory } = cost;
  return [
    ...lines,
    `Total: ${cost.multiplications.toFactoredString()} multiplications.`,
    `Memory, every stored value (inputs ${memory.inputs}, views free): ${memory.allStored}; intermediates only: ${memory.intermediates}; peak live: ${memory.peakLive}.`,
  ].join("\n");
}

/** One sentence per outcome: the cheapest order, or which order wins where. */
export function explainCheapest(result: CheapestResult): string {
  const within = result.region.constraints.length > 0 ? ` when ${result.region}` : "";
  if (result.kind === "unique") {
    const { expression, multiplications } = result.evaluation;
    return `The cheapest order${within} is ${expression}, with ${multiplications} multiplications.`;
  }
  const lines = result.candidates.map((candidate) => {
    const conditions = result.candidates
      .filter((other) => other !== candidate)
      .map((other) =>
        describeWin(crossover(candidate.multiplications, other.multiplications, result.region)),
      );
    return `- ${candidate.expression} (${candidate.multiplications}) is cheapest when ${conditions.join(" and ")}`;
  });
  return [`No single order is cheapest${within}; it depends on the sizes:`, ...lines].join("\n");
}

/** `first is cheaper iff m > n, equal iff m = n` in words, given names for the two sides. */
export function describeCrossover(x: Crossover, names: readonly [string, string]): string {
  const [first, second] = names;
  if (x.firstCheaper.kind === "always") return `${first} is always cheaper than ${second}.`;
  if (x.secondCheaper.kind === "always") return `${second} is always cheaper than ${first}.`;
  if (x.equal.kind === "always") return `${first} and ${second} always cost the same.`;
  const tie = x.equal.kind === "when" ? `; they cost the same iff ${formatCondition(x.equal)}` : "";
  return `${first} is cheaper than ${second} iff ${formatCondition(x.firstCheaper)}${tie}.`;
}

/** Where the first costs at most the second: `m ≥ n` (cheaper or tied). */
function describeWin(x: Crossover): string {
  const cheaper = x.firstCheaper;
  if (cheaper.kind !== "when") return cheaper.kind;
  const atMost = cheaper.relation === ">" ? "≥" : "≤";
  return `${cheaper.lhs} ${atMost} ${cheaper.rhs}`;
}

function describeShape(shape: ChainShape): string {
  return shape.kind === "scalar" ? "scalar" : `[${shape.rows}×${shape.cols}]`;
}
