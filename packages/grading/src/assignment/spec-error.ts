/** A step into an assignment file's data: a mapping key or a list index. */
export type SpecPath = readonly (string | number)[];

/** What kind of mistake an {@link AssignmentSpecError} reports. */
export type AssignmentSpecErrorCode =
  | "file" // the file cannot be found, read, or is not an assignment file at all
  | "yaml" // the YAML text does not parse, or is not one mapping
  | "module" // a JavaScript assignment module fails to load or has no default export
  | "schema" // a field is missing, has the wrong type, or a value is out of range
  | "reference" // a name does not resolve or clashes (an unknown size, variable or output)
  | "equation"; // a forward equation does not parse or does not fit (an {@link EquationError})

/** Where in the file a mistake is, once known: 1-based line and column. */
export type SpecLocation = {
  readonly file: string;
  readonly line: number;
  readonly column: number;
};

/**
 * A mistake in an assignment definition, found where `path` leads (e.g.
 * `["questions", 3, "chain"]`). The loader that read the file adds its name and line, so the
 * instructor sees `hw2.yaml:41:12: questions[3] (q2.1) chain: …`.
 */
export class AssignmentSpecError extends Error {
  /** Where in the file, once known. */
  readonly location: SpecLocation | undefined;
  /** The question the mistake is in, once known. */
  readonly question: string | undefined;

  constructor(
    readonly path: SpecPath,
    readonly code: AssignmentSpecErrorCode,
    readonly detail: string,
    found: { readonly location?: SpecLocation; readonly question?: string } = {},
  ) {
    super(formatSpecError(path, detail, found.location, found.question));
    this.name = "AssignmentSpecError";
    this.location = found.location;
    this.question = found.question;
  }
}

function formatSpecError(
  path: SpecPath,
  detail: string,
  location: AssignmentSpecError["location"],
  question: string | undefined,
): string {
  const at = location ? `${location.file}:${location.line}:${location.column}: ` : "";
  const inQuestion = question ? ` (${question})` : "";
  const where = `${formatSpecPath(path)}${inQuestion}`;
  return `${at}${where === "" ? "" : `${where}: `}${detail}`;
}

/** `["questions", 3, "chain"]` → `questions[3].chain`. */
export function formatSpecPath(path: SpecPath): string {
  return path
    .map((step, i) => (typeof step === "number" ? `[${step}]` : i === 0 ? step : `.${step}`))
    .join("");
}
