/** A step into an assignment file's data: a mapping key or a list index. */
export type SpecPath = readonly (string | number)[];

/**
 * A mistake in an assignment definition, found where `path` leads (e.g.
 * `["questions", 3, "chain"]`). The loader that read the file adds its name and line, so the
 * instructor sees `hw2.yaml:41:12: questions[3] (q2.1) chain: …`.
 */
export class AssignmentSpecError extends Error {
  constructor(
    readonly path: SpecPath,
    readonly detail: string,
    /** Where in the file, once known: 1-based line and column. */
    readonly location?: { readonly file: string; readonly line: number; readonly column: number },
    /** The question the mistake is in, once known. */
    readonly question?: string,
  ) {
    super(formatSpecError(path, detail, location, question));
    this.name = "AssignmentSpecError";
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
