import { ThresholdError } from "./errors.js";
import { Rational, type Scalar, toRational } from "./rational.js";

/**
 * An element-wise activation. Threshold kinds (step, indicator, equals) output 0 or 1; sign outputs
 * −1, 0 or 1; identity and relu pass values on, which is what a sorting network needs.
 */
export type Activation =
  | { readonly kind: "step"; readonly threshold: Rational; readonly inclusive: boolean }
  | { readonly kind: "sign" }
  | {
      readonly kind: "indicator";
      readonly low: Rational;
      readonly high: Rational;
      readonly lowClosed: boolean;
      readonly highClosed: boolean;
    }
  | { readonly kind: "equals"; readonly value: Rational }
  | { readonly kind: "identity" }
  | { readonly kind: "relu" };

/** 1 if z ≥ threshold (inclusive, the default) or z > threshold (strict), else 0. */
export function step(threshold: Scalar = 0, options: { inclusive?: boolean } = {}): Activation {
  return {
    kind: "step",
    threshold: toRational(threshold, "step"),
    inclusive: options.inclusive ?? true,
  };
}

/** −1, 0 or 1 (sign(0) = 0, as in NumPy). */
export function sign(): Activation {
  return { kind: "sign" };
}

/** I(z ∈ interval); both ends closed unless told otherwise. */
export function indicator(
  low: Scalar,
  high: Scalar,
  ends: { lowClosed?: boolean; highClosed?: boolean } = {},
): Activation {
  const lowValue = toRational(low, "indicator");
  const highValue = toRational(high, "indicator");
  if (lowValue.compare(highValue) > 0) {
    throw new ThresholdError(
      "indicator",
      "activation",
      `low end ${lowValue} is above high end ${highValue}`,
    );
  }
  return {
    kind: "indicator",
    low: lowValue,
    high: highValue,
    lowClosed: ends.lowClosed ?? true,
    highClosed: ends.highClosed ?? true,
  };
}

/** I(z = value). */
export function equals(value: Scalar): Activation {
  return { kind: "equals", value: toRational(value, "equals") };
}

export function identity(): Activation {
  return { kind: "identity" };
}

export function relu(): Activation {
  return { kind: "relu" };
}

/** φ(z) = I(z ∈ [−1, 1]): on integers, φ(2d) fires iff d = 0 (an equality test). */
export const phi: Activation = indicator(-1, 1);

/** True for activations whose output is always 0 or 1, the inputs AND/OR/NOT gates expect. */
export function isBinary(activation: Activation): boolean {
  return (
    activation.kind === "step" || activation.kind === "indicator" || activation.kind === "equals"
  );
}

function above(z: Rational, bound: Rational, inclusive: boolean): boolean {
  const c = z.compare(bound);
  return inclusive ? c >= 0 : c > 0;
}

function bit(condition: boolean): Rational {
  return condition ? Rational.ONE : Rational.ZERO;
}

/** The activation of an exact pre-activation, exactly. */
export function applyActivation(activation: Activation, z: Rational): Rational {
  switch (activation.kind) {
    case "step":
      return bit(above(z, activation.threshold, activation.inclusive));
    case "sign":
      return Rational.integer(z.compare(Rational.ZERO));
    case "indicator":
      return bit(
        above(z, activation.low, activation.lowClosed) &&
          above(activation.high, z, activation.highClosed),
      );
    case "equals":
      return bit(z.equals(activation.value));
    case "identity":
      return z;
    case "relu":
      return z.compare(Rational.ZERO) > 0 ? z : Rational.ZERO;
  }
}
