/** What kind of mistake a {@link ThresholdError} reports. */
export type ThresholdErrorCode =
  | "shape" // weight matrices, bias vectors or composed networks do not fit together
  | "input" // an input vector has the wrong length or a value that is not a number
  | "weight" // a weight or bias is not finite or cannot be read as a rational
  | "activation" // an activation spec is unknown or malformed
  | "domain" // a verification domain or target does not fit the network
  | "format" // a JSON document is not a network
  | "condition" // a target or assumption written as text does not parse or does not fit
  | "argument"; // any other invalid argument

/**
 * Every invalid call in @nnkit/threshold throws this. `where` names the operation and the place
 * (e.g. `network: layer 2 "output"`), so a student can find the offending line of their answer.
 */
export class ThresholdError extends Error {
  readonly code: ThresholdErrorCode;
  readonly where: string;

  constructor(where: string, code: ThresholdErrorCode, message: string) {
    super(`${where}: ${message}`);
    this.name = "ThresholdError";
    this.code = code;
    this.where = where;
  }
}

/** A condition written as text does not parse: `column` (1-based) points at the offending token. */
export class ConditionError extends ThresholdError {
  readonly column: number;

  constructor(
    text: string,
    code: Extract<ThresholdErrorCode, "condition">,
    message: string,
    { column }: { readonly column: number },
  ) {
    const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    super(`condition "${shown}", column ${column}`, code, message);
    this.name = "ConditionError";
    this.column = column;
  }
}
