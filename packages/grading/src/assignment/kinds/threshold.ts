import {
  conditionAssumption,
  conditionTarget,
  parseActivation,
  parseCondition,
  question,
  ThresholdError,
} from "@nnkit/threshold";
import { thresholdCheck } from "../../checkers/threshold-check.js";
import type { SpecPath } from "../spec-error.js";
import {
  fail,
  integerIn,
  listOf,
  oneOf,
  type Reader,
  readInteger,
  readNonEmptyString,
} from "../yaml/schema.js";
import { type PartKind, singlePart } from "./kind.js";

/** Inputs a question may have: the box verifier and the solver both stay small. */
const MAX_INPUTS = 16;
/** Inputs of the enumerated box, which every answer is checked on before the solver runs. */
const MAX_BOX_INPUTS = 1_000_000;
/** `any` among the activations lets a unit use every activation the answer may name. */
const ANY = "any";

/**
 * `kind: threshold`: a network of threshold units, read from the answer in `form`, that must
 * compute `target` (a logical form in x1..x_inputs) wherever `assume` holds. `activations` lists
 * those allowed, the first being the default (add `any` to allow every other); `box: [lo, hi]` is
 * the range enumerated before the solver decides over all integers.
 */
export const thresholdKind: PartKind = {
  keys: [
    "inputs",
    "target",
    "target_name",
    "assume",
    "assume_name",
    "form",
    "activations",
    "box",
    "max_parameters",
    "solver_timeout_ms",
    "solver_work_limit",
  ],
  compile(spec, common) {
    const arity = spec.required("inputs", integerIn(1, MAX_INPUTS));
    const target = spec.required("target", readCondition(arity));
    const targetName = spec.optional("target_name", readNonEmptyString);
    const assumption = spec.optional("assume", readCondition(arity));
    const assumptionName = spec.optional("assume_name", readNonEmptyString);
    if (assumptionName !== undefined && assumption === undefined)
      fail(spec.pathOf("assume_name"), "names an assumption, but 'assume' is missing");
    const activations = spec.required("activations", listOf(readActivation, { nonEmpty: true }));
    const [defaultActivation] = activations;
    if (defaultActivation === ANY)
      fail(
        spec.pathOf("activations"),
        "the first activation is the default: name one before 'any'",
      );
    const range = spec.or("box", readBox, [-4, 4] as const);
    const boxSize = (range[1] - range[0] + 1) ** arity;
    if (boxSize > MAX_BOX_INPUTS)
      fail(
        spec.has("box") ? spec.pathOf("box") : spec.path,
        `the box ${range[0]}..${range[1]} on ${arity} inputs holds ${boxSize} inputs, more than the ${MAX_BOX_INPUTS} each answer may be checked on`,
      );
    const timeout = spec.optional("solver_timeout_ms", integerIn(100, 120_000));
    const workLimit = spec.optional("solver_work_limit", integerIn(1000, 1_000_000_000));
    const check = thresholdCheck({
      question: question({
        target: conditionTarget(target, targetName),
        arity,
        ...(assumption === undefined
          ? {}
          : { assumption: conditionAssumption(assumption, assumptionName) }),
        ...(activations.includes(ANY) ? {} : { allowedActivations: activations }),
      }),
      range,
      form: spec.required("form", oneOf(["one-hidden-layer", "layers"] as const)),
      defaultActivation: defaultActivation!,
      maxParameters: spec.or("max_parameters", integerIn(1, 10_000), 600),
      ...(timeout === undefined ? {} : { solverTimeoutMs: timeout }),
      ...(workLimit === undefined ? {} : { solverWorkLimit: workLimit }),
    });
    return singlePart(common, check, "network");
  },
  template(spec) {
    const inputs = spec.required("inputs", integerIn(1, MAX_INPUTS));
    const zeros = `[${Array.from({ length: inputs }, () => 0).join(", ")}]`;
    const activation = spec.required("activations", listOf(readActivation))[0];
    const lines = [
      `# A network of threshold units on x1..x${inputs} with one output; every unit uses ${activation}`,
      "# unless you give 'activation'.",
    ];
    return spec.required("form", oneOf(["one-hidden-layer", "layers"] as const)) === "layers"
      ? [...lines, "layers:", `  - W: [${zeros}]`, "    b: [0]", `    activation: ${activation}`]
      : [...lines, `W1: [${zeros}]  # one row per hidden unit`, "b1: [0]", "W2: [0]", "b2: 0"];
  },
};

function readCondition(arity: number): Reader<ReturnType<typeof parseCondition>> {
  return (value, path) => {
    const text = readNonEmptyString(value, path);
    try {
      return parseCondition(text, { arity });
    } catch (error) {
      return failFrom(error, path);
    }
  };
}

const readActivation: Reader<string> = (value, path) => {
  const text = readNonEmptyString(value, path);
  if (text === ANY) return text;
  try {
    parseActivation(text, "activations");
  } catch (error) {
    return failFrom(error, path);
  }
  return text;
};

const readBox: Reader<readonly [number, number]> = (value, path) => {
  const [lo, hi, ...rest] = listOf(readInteger)(value, path);
  if (lo === undefined || hi === undefined || rest.length > 0 || lo > hi)
    fail(path, "expected [lo, hi], two whole numbers with lo ≤ hi");
  if (hi - lo > 200) fail(path, `the box ${lo}..${hi} is too wide to enumerate`);
  return [lo, hi];
};

function failFrom(error: unknown, path: SpecPath): never {
  if (error instanceof ThresholdError) fail(path, error.message);
  throw error;
}
