import { type Activation, equals, identity, indicator, relu, sign, step } from "./activation.js";
import { ThresholdError } from "./errors.js";
import { parseRational } from "./rational.js";

/** The forms {@link parseActivation} accepts, listed in its error messages. */
export const ACCEPTED_ACTIVATION_SPECS =
  "indicator[a,b] (ends: [ ] closed, ( ) open), step>=t, step>t, sign, eq=k, identity, relu " +
  "(a, b, t, k integers, fractions like 1/2 or decimals)";

/** A number as a spec writes it: an integer, a decimal or a fraction such as 1/2. */
type SpecNumber = `${number}` | `${number}/${number}`;

/** Every text spec {@link parseActivation} reads, written without spaces, as a type. */
export type ActivationSpecText =
  | "sign"
  | "identity"
  | "relu"
  | `indicator${"[" | "("}${SpecNumber},${SpecNumber}${"]" | ")"}`
  | `step>=${SpecNumber}`
  | `step>${SpecNumber}`
  | `eq=${SpecNumber}`;

type WithoutSpaces<S extends string> = S extends `${infer A} ${infer B}`
  ? WithoutSpaces<`${A}${B}`>
  : S;

/**
 * A spec checked at compile time where it is a literal: `S` itself when it is a valid spec (spaces
 * allowed, as at run time) or a plain `string` (text read at run time, from an answer file, is
 * checked by {@link parseActivation} then); otherwise the accepted forms, so a typo such as
 * "indicator[-1,1" fails to compile.
 */
export type ActivationSpec<S extends string> = string extends S
  ? S
  : WithoutSpaces<S> extends ActivationSpecText
    ? S
    : ActivationSpecText;

const INDICATOR = /^indicator\s*([[(])\s*([^,]+?)\s*,\s*([^\])]+?)\s*([\])])$/;
const STEP = /^step\s*(>=|>)\s*(.+)$/;
const EQUALS = /^eq\s*=\s*(.+)$/;

function unknownSpec(spec: string, where: string, detail = ""): ThresholdError {
  return new ThresholdError(
    where,
    "activation",
    `unknown activation spec "${spec}"${detail}; accepted forms: ${ACCEPTED_ACTIVATION_SPECS}`,
  );
}

function number(text: string, spec: string, where: string) {
  try {
    return parseRational(text, where);
  } catch {
    throw unknownSpec(spec, where, ` ("${text}" is not a number)`);
  }
}

/**
 * Reads a text spec: "indicator[-1,1]" (φ), "indicator(0,1]", "step>=0", "step>0",
 * "sign", "eq=3", "identity", "relu". `where` names the caller's place (e.g. a layer) in errors.
 */
export function parseActivation<const S extends string>(
  spec: ActivationSpec<S>,
  where = "parseActivation",
): Activation {
  const text = spec.trim();
  if (text === "sign") return sign();
  if (text === "identity") return identity();
  if (text === "relu") return relu();
  const interval = INDICATOR.exec(text);
  if (interval) {
    const [, open, low, high, close] = interval;
    const lowValue = number(low!, spec, where);
    const highValue = number(high!, spec, where);
    if (lowValue.compare(highValue) > 0)
      throw unknownSpec(spec, where, " (low end above high end)");
    return indicator(lowValue, highValue, { lowClosed: open === "[", highClosed: close === "]" });
  }
  const threshold = STEP.exec(text);
  if (threshold) {
    return step(number(threshold[2]!, spec, where), { inclusive: threshold[1] === ">=" });
  }
  const equality = EQUALS.exec(text);
  if (equality) return equals(number(equality[1]!, spec, where));
  throw unknownSpec(spec, where);
}

/** The canonical text spec; `parseActivation(formatActivation(a))` gives `a` back. */
export function formatActivation(activation: Activation): string {
  switch (activation.kind) {
    case "step":
      return `step${activation.inclusive ? ">=" : ">"}${activation.threshold}`;
    case "indicator":
      return (
        `indicator${activation.lowClosed ? "[" : "("}${activation.low},` +
        `${activation.high}${activation.highClosed ? "]" : ")"}`
      );
    case "equals":
      return `eq=${activation.value}`;
    default:
      return activation.kind;
  }
}
