import { AssignmentSpecError, type SpecPath } from "../assignment/spec-error.js";

/**
 * A mistake in one forward equation: an {@link AssignmentSpecError} at the equations text that also
 * says which line of that text (1-based) and which column in it, so that a loader that knows where
 * the text starts in its file can point at the equation itself.
 */
export class EquationError extends AssignmentSpecError {
  /** 1-based line within the equations text. */
  readonly equationLine: number;
  /** 0-based offset within that line. */
  readonly equationColumn: number;
  /** The equation as written. */
  readonly equation: string;

  constructor(
    path: SpecPath,
    code: "equation",
    readonly problem: string,
    /** `question`: the question whose part traced the network, once known. */
    at: {
      readonly line: number;
      readonly column: number;
      readonly equation: string;
      readonly question?: string;
    },
  ) {
    super(path, code, `line ${at.line}, "${at.equation}": ${problem}`, { question: at.question });
    this.name = "EquationError";
    this.equationLine = at.line;
    this.equationColumn = at.column;
    this.equation = at.equation;
  }
}
