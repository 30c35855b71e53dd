import type { Polynomial } from "@nnkit/cost";
import { evaluateChain } from "@nnkit/cost";
import { conditionCheck } from "../../checkers/condition-check.js";
import type { Shapes } from "../../math/condition-prose.js";
import {
  fail,
  integerIn,
  listOf,
  mappingOf,
  oneOf,
  readNonEmptyString,
  type SpecObject,
} from "../yaml/schema.js";
import { type ChainSpec, readChainSpec } from "./chain-spec.js";
import { MODE_ORDER, type Mode } from "./cost-counts.js";
import { type KindContext, type PartKind, singlePart } from "./kind.js";

const MODES = ["reverse", "forward"] as const;

/**
 * `kind: condition`: where one evaluation mode of the question's chain is cheaper than another
 * (`cheaper: forward`, `than: reverse`), a region of the sizes; the chain is the question's cost
 * part's unless the condition gives its own `chain` and `sizes`. `shapes` name the matrices a
 * student may call wide or tall (`Z: [n, m]`); `meaning` says what the condition means in feedback.
 */
export const conditionKind: PartKind = {
  keys: [
    "cheaper",
    "than",
    "measure",
    "meaning",
    "shapes",
    "chain",
    "sizes",
    "symbols",
    "solver_timeout_ms",
    "solver_work_limit",
  ],
  compile(spec, common, context) {
    const chains = chainOf(spec, context);
    const cheaper = spec.required("cheaper", oneOf(MODES));
    const than = spec.required("than", oneOf(MODES));
    if (cheaper === than) fail(spec.pathOf("than"), `compares ${cheaper} mode with itself`);
    const measure = spec.or(
      "measure",
      oneOf(["multiplications", "memory"] as const),
      "multiplications",
    );
    const cost = (mode: Mode): Polynomial => {
      const evaluation = evaluateChain(chains.chain, MODE_ORDER[mode]);
      return measure === "multiplications"
        ? evaluation.multiplications
        : evaluation.memory.allStored;
    };
    const shapes = spec.optional("shapes", mappingOf(listOf(readNonEmptyString)));
    for (const [name, dims] of shapes ?? []) {
      if (dims.length !== 2 || dims.some((d) => !chains.symbols.includes(d)))
        fail(
          spec.pathOf("shapes").concat(name),
          `a shape is [rows, columns] in the sizes ${chains.symbols.join(", ")}`,
        );
    }
    const timeout = spec.optional("solver_timeout_ms", integerIn(100, 120_000));
    const workLimit = spec.optional("solver_work_limit", integerIn(1000, 1_000_000_000));
    const check = conditionCheck({
      ...(timeout === undefined ? {} : { solverTimeoutMs: timeout }),
      ...(workLimit === undefined ? {} : { solverWorkLimit: workLimit }),
      symbols: chains.symbols,
      positiveWhere: () => cost(than).sub(cost(cheaper)),
      costs: () => ({ [`${cheaper} mode`]: cost(cheaper), [`${than} mode`]: cost(than) }),
      meaning: spec.required("meaning", readNonEmptyString),
      ...(shapes === undefined ? {} : { shapes: Object.fromEntries(shapes) as unknown as Shapes }),
    });
    return singlePart(common, check, "condition");
  },
  template: () => ["# A condition on the sizes, such as m > n"],
};

/** The condition's own chain, or the one cost part's of its question. */
function chainOf(spec: SpecObject, context: KindContext): ChainSpec {
  if (spec.has("chain")) return readChainSpec(spec);
  const costs = context.siblings.filter((s) => s.data.kind === "cost");
  if (costs.length !== 1)
    fail(
      spec.path,
      costs.length === 0
        ? "the question has no cost part to compare: give the condition a 'chain' and 'sizes'"
        : "the question has several cost parts: give the condition its own 'chain' and 'sizes'",
    );
  return readChainSpec(costs[0]!);
}
