import {
  type Chain,
  evaluateChain,
  formatOrder,
  leftToRight,
  type Order,
  type OrderSpec,
  type Polynomial,
  parseOrder,
  rightToLeft,
} from "@nnkit/cost";
import type { CheckContext } from "../../checkers/check.js";
import { costCheck, type RecognizedCount } from "../../checkers/cost-check.js";
import type { Part } from "../assignment.js";
import type { SpecPath } from "../spec-error.js";
import {
  fail,
  listOf,
  mappingOf,
  oneOf,
  type Reader,
  readFraction,
  readNonEmptyString,
  readPositive,
  SpecObject,
} from "../yaml/schema.js";
import { type ChainSpec, readChainSpec } from "./chain-spec.js";
import type { KindContext, PartKind } from "./kind.js";
import { readCount } from "./spec-math.js";

export type Mode = "reverse" | "forward";
/** Reverse mode multiplies right to left (A(B(Cv))), forward mode left to right. */
export const MODE_ORDER = { reverse: "right-to-left", forward: "left-to-right" } as const;
const MODE_ASKED = {
  reverse: "reverse mode (right to left)",
  forward: "forward mode (left to right)",
} as const;

type Measure = "multiplications" | "memory";
const MEASURES: readonly Measure[] = ["multiplications", "memory"];
const readMeasure = oneOf(MEASURES);
type MemoryConvention = "all-stored" | "peak-live";
type Recognition = "other-orders" | "without-inputs" | "intermediates-only" | "without-output";

const MEMORY_RECOGNITIONS: readonly Recognition[] = [
  "without-inputs",
  "intermediates-only",
  "without-output",
];

/** How a count is judged: what it accepts besides the asked order's, credits, big-O. */
interface MeasureOptions {
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
type AcceptSpec =
  | {
      readonly kind: "order";
      readonly chain: Chain | undefined;
      readonly order: OrderSpec | undefined;
    }
  | { readonly kind: "count"; readonly count: Polynomial };

const MEASURE_KEYS = [
  "accept",
  "big_o",
  "big_o_credit",
  "same_growth_credit",
  "memory",
  "recognize",
  "label",
  "field",
  "weight",
];

/**
 * `kind: cost`: counts of evaluating a matrix chain (`chain: v v^T y`, `sizes: { v: [n, 1] }`).
 * With `modes: [reverse, forward]`, one part per mode and measure (field `reverse.memory`); with
 * `order:`, one part per measure (field `memory`). `measures` lists multiplications and memory,
 * or maps each to its options: `accept` (more accepted counts: another order or chain, or a
 * formula with its reason), `big_o`, credits, accepted `memory` conventions and the other counts
 * it `recognize`s by name.
 */
export const costKind: PartKind = {
  keys: [
    "chain",
    "sizes",
    "symbols",
    "modes",
    "order",
    "measures",
    "convention_chains",
    ...MEASURE_KEYS.filter((k) => !["label", "field", "weight", "accept"].includes(k)),
  ],
  compile(spec, common, context) {
    const chains = readChainSpec(spec);
    const asked = readAsked(spec, chains.chain);
    const conventionChains = readConventionChains(spec, chains, context);
    const defaults = readMeasureOptions(spec, chains, true);
    const measures = readMeasures(spec, chains, defaults);
    if (common.label !== undefined && asked.length * measures.length > 1)
      fail(spec.pathOf("label"), "this part gives several parts: label each measure instead");
    const prefix = common.field === undefined ? "" : `${common.field}.`;
    return asked.flatMap((ask) =>
      measures.map(([measure, options]): Part => {
        const name = ask.mode === undefined ? measure : `${ask.mode}.${measure}`;
        const judge = { chains, conventionChains, ask, options };
        return {
          label:
            options.label ??
            common.label ??
            (ask.mode === undefined ? measure : `${ask.mode} mode, ${measure}`),
          field: options.field ?? `${prefix}${name}`,
          weight: options.weight ?? common.weight,
          visibility: common.visibility,
          check: costCheck({
            symbols: chains.symbols,
            accepted: (c) => acceptedCounts(judge, measure, c),
            allowBigO: options.bigO,
            ...(options.bigOCredit === undefined ? {} : { bigOCredit: options.bigOCredit }),
            ...(options.sameGrowthCredit === undefined
              ? {}
              : { sameGrowthCredit: options.sameGrowthCredit }),
            recognized: () => recognizedCounts(judge, measure),
          }),
        };
      }),
    );
  },
  template: (spec) => [`# Counts in terms of ${readChainSpec(spec).symbols.join(" and ")}`],
};

/** One evaluation asked for: a mode (reverse/forward) or a named order. */
interface Ask {
  readonly mode: Mode | undefined;
  readonly order: OrderSpec;
  readonly description: string;
}

function readAsked(spec: SpecObject, main: Chain): Ask[] {
  if (spec.exactlyOne(["modes", "order"]) === "modes") {
    const modes = spec.required(
      "modes",
      listOf(oneOf(["reverse", "forward"] as const), { nonEmpty: true }),
    );
    return modes.map((mode) => ({ mode, order: MODE_ORDER[mode], description: MODE_ASKED[mode] }));
  }
  const order = spec.required("order", readOrder(main));
  return [{ mode: undefined, order, description: describeOrder(main, order) }];
}

function readOrder(main: Chain): Reader<OrderSpec> {
  return (value, path) => {
    const text = readNonEmptyString(value, path);
    if (text === "reverse" || text === "forward") return MODE_ORDER[text];
    if (text === "right-to-left" || text === "left-to-right") return text;
    try {
      return parseOrder(main, text);
    } catch (error) {
      return fail(
        path,
        `expected reverse, forward or an order such as (v v^T) y: ${(error as Error).message}`,
      );
    }
  };
}

function describeOrder(main: Chain, order: OrderSpec): string {
  if (order === "right-to-left") return MODE_ASKED.reverse;
  if (order === "left-to-right") return MODE_ASKED.forward;
  return formatOrder(main, order as Order);
}

function readConventionChains(
  spec: SpecObject,
  chains: ChainSpec,
  context: KindContext,
): ReadonlyMap<string, Chain> {
  const entries = spec.or("convention_chains", mappingOf(chains.readChain), []);
  for (const [name] of entries) {
    if (!context.conventions?.includes(name))
      fail(
        spec.pathOf("convention_chains").concat(name),
        `'${name}' is not one of the question's conventions`,
      );
  }
  return new Map(entries);
}

function readMeasures(
  spec: SpecObject,
  chains: ChainSpec,
  defaults: MeasureOptions,
): [Measure, MeasureOptions][] {
  const path = spec.pathOf("measures");
  const value = spec.optional("measures", (v) => v);
  if (value === undefined) return MEASURES.map((m) => [m, defaults]);
  if (Array.isArray(value))
    return listOf(readMeasure, { nonEmpty: true })(value, path).map((m) => [m, defaults]);
  const entries = mappingOf((v, p) =>
    readMeasureOptions(SpecObject.read(v ?? {}, p, MEASURE_KEYS), chains, false, defaults),
  )(value, path);
  if (entries.length === 0) fail(path, "name at least one measure");
  return entries.map(([name, options]) => [readMeasure(name, [...path, name]), options]);
}

function readMeasureOptions(
  spec: SpecObject,
  chains: ChainSpec,
  partLevel: boolean,
  defaults?: MeasureOptions,
): MeasureOptions {
  const bigO = spec.optional("big_o", oneOf(["allowed", "not-allowed"] as const));
  return {
    accept: partLevel ? [] : spec.or("accept", listOf(readAccept(chains)), []),
    bigO: bigO === undefined ? (defaults?.bigO ?? false) : bigO === "allowed",
    bigOCredit: spec.optional("big_o_credit", readFraction) ?? defaults?.bigOCredit,
    sameGrowthCredit:
      spec.optional("same_growth_credit", readFraction) ?? defaults?.sameGrowthCredit,
    memory: spec.optional(
      "memory",
      listOf(oneOf(["all-stored", "peak-live"] as const), { nonEmpty: true }),
    ) ??
      defaults?.memory ?? ["all-stored", "peak-live"],
    recognize:
      spec.optional(
        "recognize",
        listOf(
          oneOf([
            "other-orders",
            "without-inputs",
            "intermediates-only",
            "without-output",
          ] as const),
        ),
      ) ?? defaults?.recognize,
    label: partLevel ? undefined : spec.optional("label", readNonEmptyString),
    field: partLevel ? undefined : spec.optional("field", readNonEmptyString),
    weight: partLevel ? undefined : spec.optional("weight", readPositive),
  };
}

function readAccept(chains: ChainSpec): Reader<AcceptSpec> {
  return (value: unknown, path: SpecPath) => {
    const entry = SpecObject.read(value, path, ["chain", "order", "count", "reason"]);
    if (entry.has("count")) {
      if (entry.has("chain") || entry.has("order"))
        fail(path, "an accepted count is a formula ('count') or a chain in an order, not both");
      entry.required("reason", readNonEmptyString);
      return {
        kind: "count",
        count: entry.required("count", (v, p) => readCount(v, p, chains.symbols)),
      };
    }
    if (!entry.has("chain") && !entry.has("order"))
      fail(path, "give 'order' (and maybe 'chain'), or 'count' with its 'reason'");
    const chain = entry.optional("chain", chains.readChain);
    return {
      kind: "order",
      chain,
      order: entry.optional("order", readOrder(chain ?? chains.chain)),
    };
  };
}

interface Judge {
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

function countsOf(
  chain: Chain,
  order: OrderSpec,
  measure: Measure,
  options: MeasureOptions,
): Polynomial[] {
  const evaluation = evaluateChain(chain, order);
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

function acceptedCounts(
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
function recognizedCounts(judge: Judge, measure: Measure): RecognizedCount[] {
  const { chains, ask, options } = judge;
  const chain = chains.chain;
  const recognize =
    options.recognize ??
    (ask.mode === undefined
      ? []
      : measure === "multiplications"
        ? ["other-orders"]
        : MEMORY_RECOGNITIONS);
  const evaluation = evaluateChain(chain, ask.order);
  const found: RecognizedCount[] = [];
  if (measure === "multiplications" && recognize.includes("other-orders")) {
    const asked = evaluation.multiplications;
    // The other mode first: it is the order a student most often counts instead.
    const other = ask.mode === "forward" ? rightToLeft(chain.length) : leftToRight(chain.length);
    for (const order of [other, ...allOrders(0, chain.length - 1)]) {
      const count = evaluateChain(chain, order).multiplications;
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
