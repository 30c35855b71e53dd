// The counts a cost part accepts and the other counts it recognises, for one asked evaluation of
// its chain (a mode or an order) and one measure, under the question's conventions.
import {
  type Chain,
  type ChainEvaluation,
  evaluateChain,
  formatOrder,
  leftToRight,
  type Order,
  type OrderSpec,
  type Polynomial,
  rightToLeft,
} from "@nnkit/cost";
import type { CheckContext } from "../../checkers/check.js";
import type { RecognizedCount } from "../../checkers/cost-check.js";
import type { ChainSpec } from "./chain-spec.js";

export type Mode = "reverse" | "forward";
/** Reverse mode multiplies right to left (A(B(Cv))), forward mode left to right. */
export const MODE_ORDER = { reverse: "right-to-left", forward: "left-to-right" } as const;
export const MODE_ASKED = {
  reverse: "reverse mode (right to left)",
  forward: "forward mode (left to right)",
} as const;

export type Measure = "multiplications" | "memory";
export const MEASURES: readonly Measure[] = ["multiplications", "memory"];
export type MemoryConvention = "all-stored" | "peak-live";
export type Recognition =
  | "other-orders"
  | "without-inputs"
  | "intermediates-only"
  | "without-output";

const MEMORY_RECOGNITIONS: readonly Recognition[] = [
  "without-inputs",
  "intermediates-only",
  "without-output",
];

/** How a count is judged: what it accepts besides the asked order's, credits, big-O. */
export interface MeasureOptions {
  readonly accept: readonly AcceptSpec[];
  readonly bigO: boolean;
  readonly bigOCredit: number | undefined;
  readonly sameGrowthCredit: number | undefined;
  readonly memory: readonly MemoryConvention[];
  readonly recognize: readonly Recognition[] | undefined;
  readonly label: string | undefined;
  readonly field: string | undefined;
  readonly weight: number | undefined;
}

/** An accepted count: the chain (or another) in an order, or a formula with its reason. */
export type AcceptSpec =
  | {
      readonly kind: "order";
      readonly chain: Chain | undefined;
      readonly order: OrderSpec | undefined;
    }
  | { readonly kind: "count"; readonly count: Polynomial };

/** One evaluation asked for: a mode (reverse/forward) or a named order. */
export interface Ask {
  readonly mode: Mode | undefined;
  readonly order: OrderSpec;
  readonly description: string;
}

export interface Judge {
  readonly chains: ChainSpec;
  readonly conventionChains: ReadonlyMap<string, Chain>;
  readonly ask: Ask;
  readonly options: MeasureOptions;
}

/**
 * The chains a context's answer is counted on: a convention's own chain, the main chain under any
 * other convention, and every one of them when no convention is chosen.
 */
function chainsFor(judge: Judge, context: CheckContext): Chain[] {
  const { chains, conventionChains } = judge;
  if (conventionChains.size === 0) return [chains.chain];
  if (context.convention === undefined) return [chains.chain, ...conventionChains.values()];
  return [conventionChains.get(context.convention) ?? chains.chain];
}

// A part's counts are asked for under every convention, at load time and again for each file
// graded; an evaluation (the peak-live memory among them, a symbolic maximum) costs milliseconds.
// A chain's evaluation in an order never changes: each is computed once per chain object.
const evaluations = new WeakMap<Chain, Map<string, ChainEvaluation>>();

/** `evaluateChain(chain, order)`, computed once per chain and order. */
export function evaluated(chain: Chain, order: OrderSpec): ChainEvaluation {
  let byOrder = evaluations.get(chain);
  if (byOrder === undefined) {
    byOrder = new Map();
    evaluations.set(chain, byOrder);
  }
  const key = typeof order === "string" ? order : JSON.stringify(order);
  let evaluation = byOrder.get(key);
  if (evaluation === undefined) {
    evaluation = evaluateChain(chain, order);
    byOrder.set(key, evaluation);
  }
  return evaluation;
}

function countsOf(
  chain: Chain,
  order: OrderSpec,
  measure: Measure,
  options: MeasureOptions,
): Polynomial[] {
  const evaluation = evaluated(chain, order);
  if (measure === "multiplications") return [evaluation.multiplications];
  const { allStored, peakLive } = evaluation.memory;
  const counts: Polynomial[] = [];
  if (options.memory.includes("all-stored")) counts.push(allStored);
  const peak = peakLive.polynomial();
  if (
    options.memory.includes("peak-live") &&
    peak !== undefined &&
    !counts.some((c) => c.equals(peak))
  )
    counts.push(peak);
  return counts;
}

export function acceptedCounts(
  judge: Judge,
  measure: Measure,
  context: CheckContext,
): [Polynomial, ...Polynomial[]] {
  const { ask, options } = judge;
  const counts = chainsFor(judge, context).flatMap((chain) =>
    countsOf(chain, ask.order, measure, options),
  );
  for (const accept of options.accept) {
    if (accept.kind === "count") counts.push(accept.count);
    else
      counts.push(
        ...countsOf(
          accept.chain ?? judge.chains.chain,
          accept.order ?? ask.order,
          measure,
          options,
        ),
      );
  }
  return counts as [Polynomial, ...Polynomial[]];
}

/** Counts of something else than asked, each named: other orders, other memory conventions. */
export function recognizedCounts(judge: Judge, measure: Measure): RecognizedCount[] {
  const { chains, ask, options } = judge;
  const chain = chains.chain;
  const recognize =
    options.recognize ??
    (ask.mode === undefined
      ? []
      : measure === "multiplications"
        ? ["other-orders"]
        : MEMORY_RECOGNITIONS);
  const evaluation = evaluated(chain, ask.order);
  const found: RecognizedCount[] = [];
  if (measure === "multiplications" && recognize.includes("other-orders")) {
    const asked = evaluation.multiplications;
    // The other mode first: it is the order a student most often counts instead.
    const other = ask.mode === "forward" ? rightToLeft(chain.length) : leftToRight(chain.length);
    for (const order of [other, ...allOrders(0, chain.length - 1)]) {
      const count = evaluated(chain, order).multiplications;
      if (!count.equals(asked))
        found.push({
          count,
          hint: { kind: "other-order", order: formatOrder(chain, order), asked: ask.description },
        });
    }
  }
  if (measure === "memory") {
    const { allStored, inputs, intermediates } = evaluation.memory;
    const output = allStored.sub(inputs).sub(intermediates);
    const names = [
      ...new Set(chain.factors.filter((f) => f.kind !== "scalar").map((f) => f.storage)),
    ];
    const theInputs = `the inputs ${names.join(", ")}`;
    const conventions: [Recognition, Polynomial, string][] = [
      ["without-inputs", allStored.sub(inputs), theInputs],
      ["intermediates-only", intermediates, `${theInputs} and the output`],
      ["without-output", allStored.sub(output), "the output"],
    ];
    for (const [name, count, leavesOut] of conventions) {
      if (recognize.includes(name))
        found.push({ count, hint: { kind: "memory-convention", leavesOut } });
    }
  }
  return found;
}

/** Every parenthesisation of factors lo..hi. */
function allOrders(lo: number, hi: number): Order[] {
  if (lo === hi) return [lo];
  const orders: Order[] = [];
  for (let split = lo; split < hi; split++) {
    for (const left of allOrders(lo, split))
      for (const right of allOrders(split + 1, hi)) orders.push([left, right]);
  }
  return orders;
}
