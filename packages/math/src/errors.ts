/** What kind of mistake a {@link RationalError} reports; lets callers branch without parsing messages. */
export type RationalErrorCode =
  | "zero-denominator" // a fraction or division with 0 below the line
  | "not-a-number" // text that is not an integer, a fraction or a decimal
  | "not-finite" // NaN or ±Infinity, or a number that is not a safe integer where one is needed
  | "too-large"; // an exponent or power beyond the bounds that keep exact arithmetic cheap

/**
 * Every invalid call into @nnkit/math's exact arithmetic throws this. The constructor takes
 * (where, code, detail) like the other nnkit errors; the message is `${where}: ${detail}`, and
 * `detail` alone lets another package re-raise the problem under its own error class.
 */
export class RationalError extends Error {
  override readonly name = "RationalError";
  constructor(
    readonly where: string,
    readonly code: RationalErrorCode,
    readonly detail: string,
  ) {
    super(`${where}: ${detail}`);
  }
}
