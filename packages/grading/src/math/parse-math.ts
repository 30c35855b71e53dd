// The number-only build: parsing needs no BigNumber, Fraction or Matrix, and it loads in half the time.
import { create, parseDependencies } from "mathjs/number";
import { type CompareOp, type Expr, FUNCTION_NAMES, type FunctionName } from "./expr.js";
import { MATH_LIMITS } from "./limits.js";
import { type MappedText, MappedTextBuilder, originOf } from "./mapped-text.js";
import { type MathError, mathError } from "./math-error.js";
import { type MathKind, NameResolver } from "./resolve-names.js";
import { toPlain } from "./to-plain.js";
import { type Token, tokenize } from "./tokenize.js";

export type { MathKind } from "./resolve-names.js";

export type ParseResult =
  | { readonly ok: true; readonly expr: Expr; readonly input: string }
  | { readonly ok: false; readonly error: MathError };

export interface ParseMathOptions {
  /** Names the question declares; any other name is an error that lists these. */
  readonly symbols: readonly string[];
  readonly kind: MathKind;
}

const { parse: mathjsParse } = create({ parseDependencies });

/**
 * Parses a formula written in plain syntax or LaTeX into an {@link Expr}. Never throws: a problem is
 * returned with the offset in `input` where it was found.
 */
export function parseMath(input: string, options: ParseMathOptions): ParseResult {
  if (typeof input !== "string") return mathError(String(input), 0, "expected a formula as text");
  if (input.length > MATH_LIMITS.maxLength) {
    return mathError(
      input,
      MATH_LIMITS.maxLength,
      `longer than ${MATH_LIMITS.maxLength} characters`,
    );
  }
  const plain = toPlain(input);
  if (!plain.ok) return plain;
  const tokens = tokenize(plain.value, input);
  if (!tokens.ok) return tokens;
  const resolver = new NameResolver(options.symbols, options.kind);
  const words = dropLeadingWords(tokens.value, resolver, options.kind, input);
  if (!Array.isArray(words)) return { ok: false, error: words };
  const misplaced = checkKind(words, options.kind, input);
  if (misplaced !== undefined) return misplaced;
  const emitted = emit(words, resolver, input);
  if (!emitted.ok) return emitted;
  if (emitted.value.text.text.trim() === "") return mathError(input, 0, "the formula is empty");
  let node: MathNode;
  try {
    node = mathjsParse(emitted.value.text.text) as unknown as MathNode;
  } catch (error) {
    return fromMathjsError(error, emitted.value.text, input);
  }
  const expr = toExpr(node, emitted.value.symbols);
  if (!expr.ok) return mathError(input, 0, expr.message);
  if (options.kind === "condition" && expr.value.kind !== "compare") {
    return mathError(input, 0, "expected a condition such as m > n, not a formula containing one");
  }
  return { ok: true, expr: expr.value, input };
}

const NEGATIONS = new Set(["not", "never", "unless", "no", "except"]);

/**
 * In a condition, leading words that are not names ("when m > n", "forward is better when m > n")
 * are ignored; a negation among them is refused rather than silently dropped.
 */
function dropLeadingWords(
  tokens: Token[],
  resolver: NameResolver,
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
        input,
        position: token.at,
        message: `write the condition itself, without '${token.text}'`,
      };
    }
    first++;
  }
  return tokens.slice(first);
}

interface Emitted {
  readonly text: MappedText;
  readonly symbols: readonly string[];
}

/**
 * Writes tokens back as an unambiguous mathjs string: names become `v0`, `v1`, … (indexes into a
 * symbol table), functions `f0`, … , implicit products an explicit `*`, a transpose mathjs's `'`.
 */
function emit(
  tokens: readonly Token[],
  resolver: NameResolver,
  input: string,
): { ok: true; value: Emitted } | { ok: false; error: MathError } {
  const out = new MappedTextBuilder();
  const symbols: string[] = [];
  const symbolIndex = (name: string): number => {
    const known = symbols.indexOf(name);
    if (known >= 0) return known;
    symbols.push(name);
    return symbols.length - 1;
  };
  let previous: "value" | "number" | "function" | "other" = "other";
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    const next = tokens[k + 1];
    const startsValue = token.type === "number" || token.type === "name" || token.type === "open";
    if (startsValue && (previous === "value" || previous === "number")) {
      if (previous === "number" && token.type === "number") {
        return mathError(input, token.at, "two numbers side by side; separate entries with commas");
      }
      out.push(" * ", token.at);
    }
    switch (token.type) {
      case "number":
        out.push(token.text, token.at, true);
        previous = "number";
        break;
      case "name": {
        const resolved = resolver.resolve(token.text);
        if (resolved.type === "unknown") {
          return mathError(
            input,
            token.at,
            `unknown name '${token.text}'; expected one of: ${resolver.expected()}`,
          );
        }
        if (resolved.type === "function") {
          if (next?.type !== "open" || next.text !== "(") {
            return mathError(
              input,
              token.at,
              `'${token.text}' is a function and must be followed by '('`,
            );
          }
          out.push(`f${FUNCTION_NAMES.indexOf(resolved.fn)}`, token.at);
          previous = "function";
        } else if (resolved.type === "onehot") {
          out.push(`f${FUNCTION_NAMES.indexOf("onehot")}(v${symbolIndex(resolved.of)})`, token.at);
          previous = "value";
        } else {
          out.push(resolved.names.map((name) => `v${symbolIndex(name)}`).join(" * "), token.at);
          previous = "value";
        }
        break;
      }
      case "operator":
        out.push(token.text === "=" ? " == " : ` ${token.text} `, token.at);
        previous = "other";
        break;
      case "transpose":
        out.push("'", token.at);
        previous = "value";
        break;
      case "open":
        out.push(token.text, token.at);
        previous = "other";
        break;
      case "close":
        out.push(token.text, token.at);
        previous = "value";
        break;
      case "separator":
        out.push(`${token.text} `, token.at);
        previous = "other";
        break;
    }
  }
  return { ok: true, value: { text: out.build(input.length), symbols } };
}

function fromMathjsError(error: unknown, emitted: MappedText, input: string): ParseResult {
  const message = error instanceof Error ? error.message : String(error);
  const char = /\(char (\d+)\)/.exec(message);
  const position = char ? originOf(emitted, Number(char[1]) - 1) : 0;
  const reason = message
    .replace(/\s*\(char \d+\)/, "")
    .replace(/"?\bv(\d+)\b"?/g, "a name")
    .toLowerCase();
  return mathError(input, position, `cannot read the formula: ${reason}`);
}

/** The shape of the mathjs nodes read here (mathjs's own types are far wider). */
interface MathNode {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string;
  readonly fn?: string | MathNode;
  readonly args?: readonly MathNode[];
  readonly content?: MathNode;
  readonly items?: readonly MathNode[];
}

type Converted = { ok: true; value: Expr } | { ok: false; message: string };

const BINARY: Readonly<Record<string, Extract<Expr, { kind: "binary" }>["op"]>> = {
  add: "add",
  subtract: "subtract",
  multiply: "product",
  divide: "divide",
  pow: "power",
  dotMultiply: "hadamard",
  dotDivide: "hadamardDivide",
};

const COMPARE: Readonly<Record<string, CompareOp>> = {
  larger: ">",
  smaller: "<",
  largerEq: ">=",
  smallerEq: "<=",
  equal: "=",
  unequal: "!=",
};

function toExpr(node: MathNode, symbols: readonly string[]): Converted {
  switch (node.type) {
    case "ConstantNode":
      return typeof node.value === "number" && Number.isFinite(node.value)
        ? { ok: true, value: { kind: "number", value: node.value } }
        : { ok: false, message: "unsupported constant" };
    case "SymbolNode": {
      const name = symbols[Number(node.name?.slice(1))];
      return name !== undefined && node.name?.startsWith("v")
        ? { ok: true, value: { kind: "symbol", name } }
        : { ok: false, message: "a function name must be followed by '('" };
    }
    case "ParenthesisNode":
      return toExpr(node.content!, symbols);
    case "ArrayNode":
      return convertAll(node.items ?? [], symbols, (items) => ({ kind: "array", items }));
    case "FunctionNode":
      return convertCall(node, symbols);
    case "OperatorNode":
      return convertOperator(node, symbols);
    default:
      return { ok: false, message: "unsupported syntax" };
  }
}

function convertAll(
  nodes: readonly MathNode[],
  symbols: readonly string[],
  build: (items: Expr[]) => Expr,
): Converted {
  const items: Expr[] = [];
  for (const node of nodes) {
    const item = toExpr(node, symbols);
    if (!item.ok) return item;
    items.push(item.value);
  }
  return { ok: true, value: build(items) };
}

function convertCall(node: MathNode, symbols: readonly string[]): Converted {
  const callee = typeof node.fn === "object" ? node.fn.name : undefined;
  const fn: FunctionName | undefined = callee?.startsWith("f")
    ? FUNCTION_NAMES[Number(callee.slice(1))]
    : undefined;
  if (fn === undefined) return { ok: false, message: "unsupported function call" };
  const args = node.args ?? [];
  if (args.length !== 1) {
    return { ok: false, message: `${fn === "bigO" ? "O" : fn} takes exactly one argument` };
  }
  return convertAll(args, symbols, ([argument]) => ({ kind: "call", fn, argument: argument! }));
}

function convertOperator(node: MathNode, symbols: readonly string[]): Converted {
  const fn = typeof node.fn === "string" ? node.fn : "";
  const args = node.args ?? [];
  if (fn === "unaryPlus") return toExpr(args[0]!, symbols);
  if (fn === "unaryMinus") {
    return convertAll(args, symbols, ([operand]) => ({ kind: "negate", operand: operand! }));
  }
  if (fn === "ctranspose" || fn === "transpose") {
    return convertAll(args, symbols, ([operand]) => ({ kind: "transpose", operand: operand! }));
  }
  const binary = BINARY[fn];
  if (binary !== undefined && args.length === 2) {
    return convertAll(args, symbols, ([left, right]) => ({
      kind: "binary",
      op: binary,
      left: left!,
      right: right!,
    }));
  }
  const compare = COMPARE[fn];
  if (compare !== undefined && args.length === 2) {
    return convertAll(args, symbols, ([left, right]) => ({
      kind: "compare",
      op: compare,
      left: left!,
      right: right!,
    }));
  }
  return { ok: false, message: `unsupported operator ${fn}` };
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
        return mathError(input, token.at, "expected a formula, not a matrix");
      depth++;
    } else if (token.type === "close") {
      comparedAtDepth.delete(depth);
      depth--;
    } else if (token.type === "separator") {
      comparedAtDepth.delete(depth);
    } else if (token.type === "operator" && COMPARISONS.has(token.text)) {
      if (kind === "formula")
        return mathError(input, token.at, "expected a formula, not a comparison");
      if (comparedAtDepth.has(depth))
        return mathError(input, token.at, "write one comparison at a time");
      comparedAtDepth.add(depth);
    }
  }
  const compares = tokens.some((t) => t.type === "operator" && COMPARISONS.has(t.text));
  if (kind === "condition" && !compares)
    return mathError(input, input.length, "expected a condition such as m > n");
  return undefined;
}
