import {
  type MathError,
  mathError,
  parseTokens,
  shiftSpans,
  type Token,
  tokenize,
  toPlain,
} from "@nnkit/math";
import {
  mayBeCondition,
  normalComparison,
  type Shapes,
  shapeWordsAsComparisons,
  splitClauses,
} from "./condition-prose.js";
import { FUNCTION_DISPLAY, type GradingMath } from "./expr.js";
import { MATH_LIMITS } from "./limits.js";
import { GradingNames, type MathKind } from "./resolve-names.js";

export type { MathKind } from "./resolve-names.js";

export type ParseResult =
  | { readonly ok: true; readonly expr: GradingMath; readonly input: string }
  | { readonly ok: false; readonly error: MathError };

export interface ParseMathOptions {
  /** Names the question declares; any other name is an error that lists these. */
  readonly symbols: readonly string[];
  readonly kind: MathKind;
  /** Matrices a condition may call wide, tall or square: `{ Z: ["n", "m"] }` for Z of size n×m. */
  readonly shapes?: Shapes;
}

/**
 * Parses a formula written in plain syntax or LaTeX into a {@link GradingMath} tree with
 * @nnkit/math's parser, adding the rules of each kind of answer. Never throws: a problem is
 * returned with the offset in `input` where it was found.
 */
export function parseMath(input: string, options: ParseMathOptions): ParseResult {
  const whole = parseWhole(input, options);
  if (whole.ok || options.kind !== "condition" || whole.error.code === "too-long") return whole;
  return parseClauses(input, options) ?? whole;
}

/**
 * A condition with prose around it, "n < m, i.e. when Z is wide": the clauses that say something
 * must each be a condition and all say the same; clauses of words alone are passed over.
 * Undefined where that does not hold, and the answer's own error stands.
 */
function parseClauses(input: string, options: ParseMathOptions): ParseResult | undefined {
  const conditions: { expr: GradingMath; offset: number }[] = [];
  for (const clause of splitClauses(input)) {
    if (!mayBeCondition(clause.text, options.shapes)) continue;
    const parsed = parseWhole(clause.text, options);
    if (!parsed.ok) return undefined;
    conditions.push({ expr: parsed.expr, offset: clause.offset });
  }
  const [first, ...others] = conditions;
  if (first === undefined) return undefined;
  const meaning = normalComparison(first.expr);
  const differing = others.find((other) => normalComparison(other.expr) !== meaning);
  if (differing !== undefined) {
    return mathError(
      "kind",
      input,
      differing.offset,
      `this says ${normalComparison(differing.expr)}, but the answer before says ${meaning}; write one condition`,
    );
  }
  return { ok: true, expr: shiftSpans(first.expr, first.offset), input };
}

function parseWhole(input: string, options: ParseMathOptions): ParseResult {
  if (typeof input !== "string") {
    return mathError("syntax", String(input), 0, "expected a formula as text");
  }
  if (input.length > MATH_LIMITS.maxLength) {
    return mathError(
      "too-long",
      input,
      MATH_LIMITS.maxLength,
      `longer than ${MATH_LIMITS.maxLength} characters`,
    );
  }
  const plain = toPlain(input);
  if (!plain.ok) return plain;
  const tokens = tokenize(plain.value, input);
  if (!tokens.ok) return tokens;
  const names = new GradingNames(options.symbols, options.kind);
  const phrased =
    options.kind === "condition"
      ? shapeWordsAsComparisons(tokens.value, options.shapes)
      : tokens.value;
  const words = dropLeadingWords(phrased, names, options.kind, input);
  if (!Array.isArray(words)) return { ok: false, error: words };
  const misplaced = checkKind(words, options.kind, input);
  if (misplaced !== undefined) return misplaced;
  const parsed = parseTokens(words, input, { names, functionNames: FUNCTION_DISPLAY });
  if (!parsed.ok) return parsed;
  if (options.kind === "condition" && parsed.node.kind !== "compare") {
    return mathError(
      "kind",
      input,
      0,
      "expected a condition such as m > n, not a formula containing one",
    );
  }
  return { ok: true, expr: parsed.node, input };
}

const NEGATIONS = new Set(["not", "never", "unless", "no", "except"]);

/**
 * In a condition, leading words that are not names ("when m > n", "forward is better when m > n")
 * are ignored; a negation among them is refused rather than silently dropped.
 */
function dropLeadingWords(
  tokens: Token[],
  resolver: GradingNames,
  kind: MathKind,
  input: string,
): Token[] | MathError {
  if (kind !== "condition") return tokens;
  let first = 0;
  while (first + 1 < tokens.length) {
    const token = tokens[first]!;
    const next = tokens[first + 1]!;
    const isWord = token.type === "name" && /^[A-Za-z]+$/.test(token.text);
    if (!isWord || (next.type !== "name" && next.type !== "number")) break;
    if (resolver.resolve(token.text).type !== "unknown") break;
    if (NEGATIONS.has(token.text.toLowerCase())) {
      return {
        code: "kind",
        input,
        position: token.at,
        message: `write the condition itself, without '${token.text}'`,
      };
    }
    first++;
  }
  return tokens.slice(first);
}

const COMPARISONS = new Set([">", "<", ">=", "<=", "=", "!="]);

/**
 * Rules that depend on what the question asks for, checked on tokens so that the error points at
 * the offending comparison or bracket: no comparison or matrix in a cost formula, a comparison in
 * a condition, and never two comparisons chained at the same nesting level.
 */
function checkKind(
  tokens: readonly Token[],
  kind: MathKind,
  input: string,
): { ok: false; error: MathError } | undefined {
  const comparedAtDepth = new Set<number>();
  let depth = 0;
  for (const token of tokens) {
    if (token.type === "open") {
      if (kind === "formula" && token.text === "[")
        return mathError("kind", input, token.at, "expected a formula, not a matrix");
      depth++;
    } else if (token.type === "close") {
      comparedAtDepth.delete(depth);
      depth--;
    } else if (token.type === "separator") {
      comparedAtDepth.delete(depth);
    } else if (token.type === "operator" && COMPARISONS.has(token.text)) {
      if (kind === "formula")
        return mathError("kind", input, token.at, "expected a formula, not a comparison");
      if (comparedAtDepth.has(depth))
        return mathError("kind", input, token.at, "write one comparison at a time");
      comparedAtDepth.add(depth);
    }
  }
  const compares = tokens.some((t) => t.type === "operator" && COMPARISONS.has(t.text));
  if (kind === "condition" && !compares)
    return mathError("kind", input, input.length, "expected a condition such as m > n");
  return undefined;
}
