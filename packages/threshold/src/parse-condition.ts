import { identityMapped, tokenize as tokenizeMath } from "@nnkit/math";
import {
  type Condition,
  type Expression,
  MAX_PERMUTATION_LENGTH,
  type Relation,
} from "./condition.js";
import { ConditionError } from "./errors.js";

/** A token of @nnkit/math's tokenizer as the condition grammar reads it. */
interface Token {
  readonly kind: "word" | "integer" | "decimal" | "input" | "symbol" | "end";
  /** The canonical spelling the grammar matches ("<=" for "≤", "-" for "−", "=" for "=="). */
  readonly text: string;
  /** What was typed, for messages. */
  readonly shown: string;
  /** 0-based offset in the source. */
  readonly at: number;
}

const RELATIONS: Partial<Record<string, Relation>> = {
  "=": "==",
  "!=": "!=",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
};
/** Longest text a condition may have (instructors write one line). */
export const MAX_CONDITION_LENGTH = 2000;
const MAX_DEPTH = 100;

/** The condition's tokens, read by @nnkit/math's tokenizer (with braces and connectives). */
function tokenize(text: string): Token[] {
  const result = tokenizeMath(identityMapped(text), text, { logic: true });
  if (!result.ok) {
    const { code, position, message } = result.error;
    const why = code === "character" ? `unexpected character "${text[position]}"` : message;
    throw new ConditionError(text, "condition", why, { column: position + 1 });
  }
  const tokens = result.value.map((token): Token => {
    const shown = text.slice(token.at, token.end);
    const at = token.at;
    if (token.type === "name") {
      return { kind: /^x\d+$/.test(token.text) ? "input" : "word", text: token.text, shown, at };
    }
    if (token.type === "number") {
      return {
        kind: /^\d+$/.test(token.text) ? "integer" : "decimal",
        text: token.text,
        shown,
        at,
      };
    }
    return { kind: "symbol", text: token.type === "transpose" ? shown : token.text, shown, at };
  });
  tokens.push({ kind: "end", text: "end of text", shown: "end of text", at: text.length });
  return tokens;
}

export interface ParseConditionOptions {
  /** Number of inputs: x1..x_arity may appear (default: any). */
  readonly arity?: number;
}

/**
 * Reads a condition on the inputs, e.g. `x4 == x1 or x4 == x2 or x4 == x3`,
 * `x4 in {x1, x2, x3}`, `distinct(x1, x2, x3) and distinct(x4, x5, x6)`,
 * `permutation(x4, x5, x6 of x1, x2, x3)`, `not (2*x1 - x2 >= 3)`. Inputs are x1, x2, … (1-based);
 * constants are integers; `and` binds tighter than `or`; `&&`, `||`, `!`, `=`, `≠`, `≤`, `≥` are
 * accepted too. Errors are {@link ConditionError}s naming the column.
 */
export function parseCondition(text: string, options: ParseConditionOptions = {}): Condition {
  if (typeof text !== "string")
    throw new ConditionError(String(text), "condition", "expected text", { column: 1 });
  if (text.length > MAX_CONDITION_LENGTH) {
    throw new ConditionError(text, "condition", `longer than ${MAX_CONDITION_LENGTH} characters`, {
      column: 1,
    });
  }
  return new Parser(text, tokenize(text), options.arity).parse();
}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly arity: number | undefined,
  ) {}

  parse(): Condition {
    const condition = this.disjunction();
    this.expect("end");
    return condition;
  }

  private get next(): Token {
    return this.tokens[this.position]!;
  }

  private fail(token: Token, message: string): never {
    throw new ConditionError(this.text, "condition", message, { column: token.at + 1 });
  }

  private found(token: Token): string {
    return token.kind === "end" ? "the end of the text" : `"${token.shown}"`;
  }

  private is(...spellings: string[]): boolean {
    const { kind, text } = this.next;
    return (kind === "symbol" || kind === "word") && spellings.includes(text);
  }

  private expect(spelling: string): Token {
    const token = this.next;
    const matches = spelling === "end" ? token.kind === "end" : this.is(spelling);
    if (!matches) {
      const wanted = spelling === "end" ? "the end of the condition" : `"${spelling}"`;
      this.fail(token, `expected ${wanted} but found ${this.found(token)}`);
    }
    this.position++;
    return token;
  }

  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) this.fail(this.next, `nested more than ${MAX_DEPTH} deep`);
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  private disjunction(): Condition {
    const args = [this.conjunction()];
    while (this.is("or", "||")) {
      this.position++;
      args.push(this.conjunction());
    }
    return args.length === 1 ? args[0]! : { kind: "or", args };
  }

  private conjunction(): Condition {
    const args = [this.negation()];
    while (this.is("and", "&&")) {
      this.position++;
      args.push(this.negation());
    }
    return args.length === 1 ? args[0]! : { kind: "and", args };
  }

  private negation(): Condition {
    if (this.is("not", "!")) {
      this.position++;
      return this.nested(() => ({ kind: "not", arg: this.negation() }));
    }
    return this.primary();
  }

  private primary(): Condition {
    const token = this.next;
    if (this.is("true", "false")) {
      this.position++;
      return { kind: "boolean", value: token.text === "true" };
    }
    if (this.is("distinct")) {
      this.position++;
      this.expect("(");
      const args = this.expressions();
      this.expect(")");
      if (args.length < 2) this.fail(token, "distinct(…) needs at least two values");
      return { kind: "distinct", args };
    }
    if (this.is("permutation")) return this.permutation();
    if (this.is("(")) {
      // "(" opens either a condition or an expression such as (x1 + x2) == x3: try the
      // comparison first and fall back to a parenthesised condition.
      const start = this.position;
      try {
        return this.comparison();
      } catch (asComparison) {
        this.position = start;
        try {
          this.position++;
          const inner = this.nested(() => this.disjunction());
          this.expect(")");
          return inner;
        } catch (asCondition) {
          const furthest = [asComparison, asCondition].sort(
            (a, b) => (b as ConditionError).column - (a as ConditionError).column,
          );
          throw furthest[0];
        }
      }
    }
    return this.comparison();
  }

  private permutation(): Condition {
    const keyword = this.expect("permutation");
    this.expect("(");
    const items = this.expressions();
    this.expect("of");
    const of = this.expressions();
    this.expect(")");
    if (items.length !== of.length) {
      this.fail(
        keyword,
        `permutation(… of …) needs two lists of one length, got ${items.length} and ${of.length}`,
      );
    }
    if (items.length > MAX_PERMUTATION_LENGTH) {
      this.fail(keyword, `permutation(…) takes lists of at most ${MAX_PERMUTATION_LENGTH} values`);
    }
    return { kind: "permutation", items, of };
  }

  private comparison(): Condition {
    const left = this.sum();
    const token = this.next;
    if (this.is("in")) {
      this.position++;
      this.expect("{");
      const list = this.expressions();
      this.expect("}");
      return { kind: "member", element: left, list };
    }
    const relation = token.kind === "symbol" ? RELATIONS[token.text] : undefined;
    if (relation === undefined) {
      this.fail(
        token,
        `expected a comparison (==, !=, <, <=, >, >=) or "in" but found ${this.found(token)}`,
      );
    }
    this.position++;
    return { kind: "compare", relation, left, right: this.sum() };
  }

  private expressions(): Expression[] {
    const list = [this.sum()];
    while (this.is(",")) {
      this.position++;
      list.push(this.sum());
    }
    return list;
  }

  private sum(): Expression {
    let left = this.product();
    while (this.is("+", "-")) {
      const kind = this.next.text === "+" ? "add" : "subtract";
      this.position++;
      left = { kind, left, right: this.product() };
    }
    return left;
  }

  private product(): Expression {
    let left = this.factor();
    while (this.is("*")) {
      this.position++;
      left = { kind: "multiply", left, right: this.factor() };
    }
    return left;
  }

  private factor(): Expression {
    const token = this.next;
    if (this.is("-")) {
      this.position++;
      return this.nested(() => ({ kind: "negate", arg: this.factor() }));
    }
    if (token.kind === "decimal") this.fail(token, `constants are integers, not ${token.shown}`);
    if (token.kind === "integer") {
      this.position++;
      return { kind: "integer", value: BigInt(token.text) };
    }
    if (token.kind === "input") {
      this.position++;
      const index = Number(token.text.slice(1));
      if (!Number.isSafeInteger(index) || index < 1) {
        this.fail(token, `inputs are x1, x2, … (counted from 1), not ${token.text}`);
      }
      if (this.arity !== undefined && index > this.arity) {
        this.fail(
          token,
          `${token.text} is not an input: there are ${this.arity} (x1..x${this.arity})`,
        );
      }
      return { kind: "input", index: index - 1 };
    }
    if (this.is("(")) {
      this.position++;
      const inner = this.nested(() => this.sum());
      this.expect(")");
      return inner;
    }
    const hint = token.kind === "word" ? ` (inputs are written x1, x2, …)` : "";
    this.fail(token, `expected an input, an integer or "(" but found ${this.found(token)}${hint}`);
  }
}
