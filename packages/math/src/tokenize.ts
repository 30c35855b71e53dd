import { PARSE_LIMITS } from "./limits.js";
import { type MappedText, originOf } from "./mapped-text.js";
import { type MathError, mathError } from "./math-error.js";

/**
 * A lexical piece of plain syntax; `at` is the offset in the original string where it starts and
 * `end` the offset just after its last character (for LaTeX input, of what it was rewritten from).
 */
export type Token = (
  | { readonly type: "number"; readonly text: string }
  | { readonly type: "name"; readonly text: string }
  | { readonly type: "operator"; readonly text: Operator }
  | { readonly type: "open"; readonly text: "(" | "[" }
  | { readonly type: "close"; readonly text: ")" | "]" }
  | { readonly type: "separator"; readonly text: "," | ";" }
  | { readonly type: "transpose" }
  /** Only with `{ logic: true }`: set braces and the logical connectives of conditions. */
  | { readonly type: "brace"; readonly text: "{" | "}" }
  | { readonly type: "logic"; readonly text: "&&" | "||" | "!" }
) & { readonly at: number; readonly end: number };

export interface TokenizeOptions {
  /**
   * Also read `{`, `}`, `&&`, `||` and `!` (as "brace" and "logic" tokens), for notations of
   * logical conditions such as `x4 in {x1, x2} && !(x1 = x2)`; formulas reject them.
   */
  readonly logic?: boolean;
}

export type Operator =
  | "+"
  | "-"
  | "*"
  | "/"
  | "^"
  | ".*"
  | "./"
  | ">"
  | "<"
  | ">="
  | "<="
  | "="
  | "!=";

const NAME = /^[A-Za-z][A-Za-z0-9_]*(?:'+(?:_[A-Za-z0-9_]*)?)?/;
const NUMBER = /^(?:\d+(?:\.\d+)?|\.\d+)/;
/** Longest operators first so that `>=` is not read as `>` then `=`. */
const OPERATORS: readonly [string, Operator][] = [
  [">=", ">="],
  ["<=", "<="],
  ["!=", "!="],
  ["==", "="],
  [".*", ".*"],
  ["./", "./"],
  ["**", "^"],
  ["@", "*"],
  ["+", "+"],
  ["-", "-"],
  ["*", "*"],
  ["/", "/"],
  ["^", "^"],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
  // Unicode spellings, for callers that tokenize without toPlain (which rewrites them).
  ["≥", ">="],
  ["≤", "<="],
  ["≠", "!="],
  ["−", "-"],
  ["·", "*"],
];
const LOGIC: readonly ("&&" | "||" | "!")[] = ["&&", "||", "!"];

/** Splits plain syntax (the output of {@link toPlain}) into tokens located in `input`. */
export function tokenize(
  plain: MappedText,
  input: string,
  options: TokenizeOptions = {},
): { ok: true; value: Token[] } | { ok: false; error: MathError } {
  const tokens: Token[] = [];
  const text = plain.text;
  /** Offset just after the original characters that text[i, i + length) came from. */
  const endOf = (i: number, length: number) =>
    Math.max(originOf(plain, i), originOf(plain, i + length - 1) + 1);
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const at = originOf(plain, i);
    const rest = text.slice(i, i + 64);
    const ch = text[i]!;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i++;
      continue;
    }
    if (rest.startsWith(".T") && !/^[A-Za-z0-9_]/.test(rest.slice(2))) {
      tokens.push({ type: "transpose", at, end: endOf(i, 2) });
      i += 2;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ type: "number", text: number[0], at, end: endOf(i, number[0].length) });
      i += number[0].length;
      continue;
    }
    const name = NAME.exec(text.slice(i, i + 200));
    const previous = tokens.at(-1);
    if (name?.[0].startsWith("T") && previous?.type === "operator" && previous.text === "^") {
      // `^T` is a transpose, also when glued to the next name as in `X^TX`.
      tokens[tokens.length - 1] = { type: "transpose", at: previous.at, end: endOf(i, 1) };
      i += 1;
      continue;
    }
    if (name) {
      tokens.push({ type: "name", text: name[0], at, end: endOf(i, name[0].length) });
      i += name[0].length;
      continue;
    }
    const operator = OPERATORS.find(([spelling]) => rest.startsWith(spelling));
    if (operator) {
      tokens.push({ type: "operator", text: operator[1], at, end: endOf(i, operator[0].length) });
      i += operator[0].length;
      continue;
    }
    const logic = options.logic ? LOGIC.find((spelling) => rest.startsWith(spelling)) : undefined;
    if (logic) {
      tokens.push({ type: "logic", text: logic, at, end: endOf(i, logic.length) });
      i += logic.length;
      continue;
    }
    if (options.logic && (ch === "{" || ch === "}")) {
      tokens.push({ type: "brace", text: ch, at, end: endOf(i, 1) });
    } else if (ch === "(" || ch === "[") {
      depth++;
      if (depth > PARSE_LIMITS.maxDepth) {
        return mathError(
          "too-deep",
          input,
          at,
          `brackets nested deeper than ${PARSE_LIMITS.maxDepth} levels`,
        );
      }
      tokens.push({ type: "open", text: ch, at, end: endOf(i, 1) });
    } else if (ch === ")" || ch === "]") {
      depth--;
      tokens.push({ type: "close", text: ch, at, end: endOf(i, 1) });
    } else if (ch === "," || ch === ";") {
      tokens.push({ type: "separator", text: ch, at, end: endOf(i, 1) });
    } else if (ch === "'") {
      return mathError(
        "character",
        input,
        at,
        "a prime (') must follow a name directly; write a transpose as ^T",
      );
    } else {
      return mathError("character", input, at, `unexpected character '${ch}'`);
    }
    i++;
  }
  return { ok: true, value: tokens };
}
