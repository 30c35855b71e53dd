import {
  type Chain,
  CostError,
  formatOrder,
  type Order,
  type OrderSpec,
  parseOrder,
} from "@nnkit/cost";
import { costCheck } from "../../checkers/cost-check.js";
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
import {
  type AcceptSpec,
  type Ask,
  acceptedCounts,
  type Judge,
  MEASURES,
  type Measure,
  type MeasureOptions,
  MODE_ASKED,
  MODE_ORDER,
  recognizedCounts,
} from "./cost-counts.js";
import type { KindContext, PartKind } from "./kind.js";
import { readCount } from "./spec-math.js";

const readMeasure = oneOf(MEASURES);

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
        checkCounts(spec, judge, measure, context);
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

/**
 * Computes every count the part will compare with, under each of the question's conventions and
 * none, so that one that cannot be computed (an order that does not fit its chain) is the file's
 * mistake now rather than a grading error later.
 */
function checkCounts(spec: SpecObject, judge: Judge, measure: Measure, context: KindContext): void {
  try {
    for (const convention of [undefined, ...(context.conventions ?? [])]) {
      const counts = acceptedCounts(judge, measure, {
        variant: {},
        seed: 0,
        ...(convention === undefined ? {} : { convention }),
      });
      if (counts.length === 0)
        fail(spec.path, `no ${measure} count is accepted: list a memory convention or an 'accept'`);
    }
    recognizedCounts(judge, measure);
  } catch (error) {
    if (error instanceof CostError) fail(spec.path, `a count cannot be computed: ${error.message}`);
    throw error;
  }
}
