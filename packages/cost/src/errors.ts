/** What kind of mistake a caller made; lets callers branch without parsing messages. */
export type CostErrorCode =
  | "shape" // inner dimensions of adjacent factors differ
  | "size" // a size is negative, fractional or not finite
  | "variable" // a variable is unknown, missing from a point, or badly named
  | "order" // an evaluation order does not fit the chain
  | "argument"; // any other invalid argument (division by zero, bad exponent, …)

/** Every invalid call into @nnkit/cost throws this, naming the operation and what was wrong. */
export class CostError extends Error {
  override readonly name = "CostError";
  constructor(
    readonly op: string,
    readonly code: CostErrorCode,
    message: string,
  ) {
    super(`${op}: ${message}`);
  }
}
