/** What kind of mistake a {@link GradingError} reports; lets callers branch without parsing messages. */
export type GradingErrorCode =
  | "unknown-assignment" // no assignment has that id
  | "unknown-question" // the assignment has no question with that id
  | "wrong-kind" // the question exists but is not of the kind the call needs
  | "definition" // an assignment, variant or network definition is inconsistent
  | "manual-scores" // a manual-scores CSV or one of its rows does not fit the results
  | "invariant"; // two computations that must agree do not (a bug in nnkit)

/** An invalid call into the package (an unknown assignment id, an inconsistent definition). */
export class GradingError extends Error {
  constructor(
    readonly op: string,
    readonly code: GradingErrorCode,
    message: string,
  ) {
    super(`${op}: ${message}`);
    this.name = "GradingError";
  }
}
