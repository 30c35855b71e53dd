/** An invalid call into the package (an unknown assignment id, an inconsistent definition). */
export class GradingError extends Error {
  constructor(
    readonly op: string,
    message: string,
  ) {
    super(`${op}: ${message}`);
    this.name = "GradingError";
  }
}
