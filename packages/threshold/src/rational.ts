// Exact numbers come from @nnkit/math; this module reads a person's weights with them and reports
// a problem as a ThresholdError naming the place, as every other error of this package does.
import { Rational, RationalError, type Scalar } from "@nnkit/math";
import { ThresholdError } from "./errors.js";

export { ceilDiv, floorDiv, lcm, Rational, type Scalar } from "@nnkit/math";

/** Parses "3", "-1/2", "0.25", "1e-3" exactly (a decimal means its decimal value, not a double). */
export function parseRational(text: string, where = "parseRational"): Rational {
  return asWeight(() => Rational.parse(text, where), where);
}

/**
 * Reads a scalar exactly. A non-integer JS number is taken at its shortest decimal spelling
 * (0.1 → 1/10, 0.5 → 1/2), which is what the person typed; write "1/3" for exact thirds.
 */
export function toRational(value: Scalar, where = "toRational"): Rational {
  return asWeight(() => Rational.from(value, where), where);
}

function asWeight(read: () => Rational, where: string): Rational {
  try {
    return read();
  } catch (error) {
    if (error instanceof RationalError) throw new ThresholdError(where, "weight", error.detail);
    throw error;
  }
}
