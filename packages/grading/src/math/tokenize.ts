import { MATH_LIMITS } from "./limits.js";
import { type MappedText, originOf } from "./mapped-text.js";
import { type MathError, mathError } from "./math-error.js";

/** A lexical piece of plain syntax; `at` is the offset in the student's original string. */
export type Token =
  | { readonly type: "number"; readonly text: string; readonly at: number }
  | { readonly type: "name"; readonly text: string; readonly at: number }
  | { readonly type: "operator"; readonly text: Operator; readonly at: number }
  | { readonly type: "open"; readonly text: "(" | "["; readonly at: number }
  | { readonly type: "close"; readonly text: ")" | "]"; readonly at: number }
  | { readonly type: "separator"; readonly text: "," | ";"; readonly at: number }
  | { readonly type: "transpose"; readonly at: number };

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
];

export function tokenize(
  plain: MappedText,
  input: string,
): { ok: true; value: Token[] } | { ok: false; error: MathError } {
  const tokens: Token[] = [];
  const text = plain.text;
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
      tokens.push({ type: "transpose", at });
      i += 2;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ type: "number", text: number[0], at });
      i += number[0].length;
      continue;
    }
    const name = NAME.exec(text.slice(i, i + 200));
    const previous = tokens.at(-1);
    if (name?.[0].startsWith("T") && previous?.type === "operator" && previous.text === "^") {
      // `^T` is a transpose, also when glued to the next name as in `X^TX`.
      tokens[tokens.length - 1] = { type: "transpose", at: previous.at };
      i += 1;
      continue;
    }
    if (name) {
      tokens.push({ type: "name", text: name[0], at });
      i += name[0].length;
      continue;
    }
    const operator = OPERATORS.find(([spelling]) => rest.startsWith(spelling));
    if (operator) {
      tokens.push({ type: "operator", text: operator[1], at });
      i += operator[0].length;
      continue;
    }
    if (ch === "(" || ch === "[") {
      depth++;
      if (depth > MATH_LIMITS.maxDepth) {
        return mathError(input, at, `brackets nested deeper than ${MATH_LIMITS.maxDepth} levels`);
      }
      tokens.push({ type: "open", text: ch, at });
    } else if (ch === ")" || ch === "]") {
      depth--;
      tokens.push({ type: "close", text: ch, at });
    } else if (ch === "," || ch === ";") {
      tokens.push({ type: "separator", text: ch, at });
    } else if (ch === "'") {
      return mathError(
        input,
        at,
        "a prime (') must follow a name directly; write a transpose as ^T",
      );
    } else {
      return mathError(input, at, `unexpected character '${ch}'`);
    }
    i++;
  }
  return { ok: true, value: tokens };
}
