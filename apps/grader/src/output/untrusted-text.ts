// Student-supplied text (names, ids, file names, answers echoed in feedback) made inert for the
// files an instructor opens: spreadsheets must not run it as a formula, Markdown must not render
// it as headings, HTML or scores, and terminals must not receive control sequences.

/** Control characters (C0, DEL and C1: Unicode's Cc) other than tab and line breaks. */
const CONTROLS = /[^\P{Cc}\t\n\r]/gu;

/** Without NUL, escape sequences and other control characters (tab and line breaks stay). */
export function withoutControls(text: string): string {
  return text.replace(CONTROLS, "");
}

/** What a spreadsheet would take for a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV cell that a spreadsheet shows as text: control characters removed and, when it would
 * start a formula, prefixed with a single quote (OWASP's rule).
 */
export function csvTextCell(text: string): string {
  const clean = withoutControls(text);
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/**
 * One line of Markdown that renders as exactly `text`: on one line, with the characters that
 * start emphasis, code, links, autolinks, HTML, entities, headings or tables escaped, and a
 * leading list or quote marker too (the text may follow a list item's marker).
 */
export function markdownInline(text: string): string {
  return withoutControls(text)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>#|~&!@]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, "\\://")
    .replace(/\b(www)\./gi, "$1\\.")
    .replace(/^([-+=>])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** Inline code showing `text` on one line, fenced by more backticks than it holds in a row. */
export function markdownCode(text: string): string {
  const line = withoutControls(text).replace(/\s+/g, " ");
  const longestRun = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A fenced block showing `text` verbatim (line breaks and alignment kept, nothing rendered). */
export function markdownBlock(text: string): string {
  const clean = withoutControls(text).replace(/\r\n?/g, "\n");
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}text\n${clean}\n${fence}`;
}
