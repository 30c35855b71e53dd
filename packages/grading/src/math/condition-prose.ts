import type { Operator, Token } from "@nnkit/math";
import { formatExpr, type GradingMath } from "./expr.js";

/** A matrix's size in the question's symbols: Z is n×m is `{ Z: ["n", "m"] }`. */
export type Shapes = Readonly<Record<string, readonly [rows: string, columns: string]>>;

const SHAPE_WORDS: Readonly<
  Record<string, (rows: string, columns: string) => readonly [string, Operator, string]>
> = {
  wide: (rows, columns) => [columns, ">", rows],
  tall: (rows, columns) => [rows, ">", columns],
  square: (rows, columns) => [rows, "=", columns],
};

/**
 * "Z is wide" is the comparison it means, columns > rows (the handout's own words for m > n when
 * Z is n×m); likewise "tall" and "square". Only for matrices the question names.
 */
export function shapeWordsAsComparisons(
  tokens: readonly Token[],
  shapes: Shapes | undefined,
): Token[] {
  if (shapes === undefined) return [...tokens];
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const [name, is, word] = [tokens[k]!, tokens[k + 1], tokens[k + 2]];
    const shape = name.type === "name" ? shapes[name.text] : undefined;
    const meaning =
      word?.type === "name"
        ? SHAPE_WORDS[word.text.toLowerCase() as keyof typeof SHAPE_WORDS]
        : undefined;
    const linked = is?.type === "name" && /^(is|are)$/i.test(is.text);
    if (shape === undefined || meaning === undefined || !linked || word === undefined) {
      out.push(name);
      continue;
    }
    const [left, op, right] = meaning(shape[0], shape[1]);
    const span = { at: name.at, end: word.end };
    out.push(
      { type: "name", text: left, ...span },
      { type: "operator", text: op, ...span },
      { type: "name", text: right, ...span },
    );
    k += 2;
  }
  return out;
}

/** A piece of a longer answer, with its offset in the answer. */
export interface Clause {
  readonly text: string;
  readonly offset: number;
}

const SEPARATOR = /,|;|\bi\.?\s?e\.?(?=\s|$)|\bthat is\b/giy;

/**
 * Splits "n < m, i.e. when Z is wide" into its clauses at commas, semicolons, "i.e." and "that
 * is" outside brackets; a final full stop is dropped.
 */
export function splitClauses(input: string): Clause[] {
  const clauses: Clause[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
    if (depth !== 0) continue;
    SEPARATOR.lastIndex = i;
    const separator = SEPARATOR.exec(input);
    if (separator === null) continue;
    clauses.push({ text: input.slice(start, i), offset: start });
    start = i + separator[0].length;
    i = start - 1;
  }
  clauses.push({ text: input.slice(start).replace(/\.\s*$/, ""), offset: start });
  return clauses.filter((clause) => clause.text.trim() !== "");
}

/** Whether a clause says anything a condition could: a comparison, or a shape word. */
export function mayBeCondition(text: string, shapes: Shapes | undefined): boolean {
  if (/[<>=≤≥≠]|\\(?:le|ge|lt|gt|ne|leq|geq|neq)(?![A-Za-z])/.test(text)) return true;
  return shapes !== undefined && /\b(?:wide|tall|square)\b/i.test(text);
}

/** A comparison written with > or >= where it can be, so that n < m and m > n read alike. */
export function normalComparison(expr: GradingMath): string {
  if (expr.kind !== "compare") return formatExpr(expr);
  const flipped = expr.op === "<" || expr.op === "<=";
  const op = expr.op === "<" ? ">" : expr.op === "<=" ? ">=" : expr.op;
  const [left, right] = flipped ? [expr.right, expr.left] : [expr.left, expr.right];
  return `${formatExpr(left)} ${op} ${formatExpr(right)}`;
}
