// What the Modes and cost screen shows, computed by @nnkit/cost: a chain evaluated left to right
// (the handout's "forward mode") and right to left ("reverse mode"), their crossover, and the
// cheapest order at the chosen sizes.
import {
  type Chain,
  type ChainEvaluation,
  type Crossover,
  cheapestOrder,
  crossover,
  evaluateChain,
  type Point,
} from "@nnkit/cost";
import { homeworkChains } from "@nnkit/grading/hw1";

export interface ChainChoice {
  label: string;
  question: string;
  chain: Chain;
}

/** The chains of questions 2.3 and 2.4, from the course layer. */
export const chainChoices: readonly ChainChoice[] = [
  { label: "vvᵀy", question: "2.3", chain: homeworkChains["2.3"] },
  { label: "vvᵀy1y2ᵀ", question: "2.4", chain: homeworkChains["2.4"] },
];

export interface ModeComparison {
  forward: ChainEvaluation;
  reverse: ChainEvaluation;
  /** Forward against reverse, in multiplications. */
  multiplications: Crossover;
  /** The cheapest order of all at the chosen sizes (it may be neither mode). */
  cheapestAtSizes: ChainEvaluation;
}

export function compareModes(subject: Chain, sizes: Point): ModeComparison {
  const forward = evaluateChain(subject, "left-to-right");
  const reverse = evaluateChain(subject, "right-to-left");
  const best = cheapestOrder(subject.at(pointFor(subject, sizes)));
  const cheapestAtSizes =
    best.kind === "unique" ? evaluateChain(subject, best.evaluation.order) : forward;
  return {
    forward,
    reverse,
    multiplications: crossover(forward.multiplications, reverse.multiplications),
    cheapestAtSizes,
  };
}

/** Only the sizes the chain uses (evaluating needs every one of them, and no others). */
export function pointFor(subject: Chain, sizes: Point): Record<string, number> {
  const all = sizes instanceof Map ? Object.fromEntries(sizes) : sizes;
  return Object.fromEntries(subject.variables.map((name) => [name, Number(all[name])]));
}
