/** Where a node came from: offsets into the string as typed, `end` just after its last character. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The tree every formula becomes, whatever notation it was written in (plain, LaTeX, Unicode).
 * `F` is the caller's union of function names (see {@link NameResolver}).
 */
export type MathNode<F extends string = string> = Span &
  (
    | {
        readonly kind: "number";
        readonly value: number /** the digits as written */;
        readonly text: string;
      }
    | { readonly kind: "symbol"; readonly name: string }
    | { readonly kind: "array"; readonly items: readonly MathNode<F>[] }
    | { readonly kind: "negate"; readonly operand: MathNode<F> }
    | { readonly kind: "transpose"; readonly operand: MathNode<F> }
    | {
        readonly kind: "binary";
        readonly op: BinaryOp;
        readonly left: MathNode<F>;
        readonly right: MathNode<F>;
      }
    | { readonly kind: "call"; readonly fn: F; readonly argument: MathNode<F> }
    | {
        readonly kind: "compare";
        readonly op: CompareOp;
        readonly left: MathNode<F>;
        readonly right: MathNode<F>;
      }
  );

/**
 * `product` is juxtaposition, `*`, `@` and `\cdot`; `hadamard` is `⊙`, `.*`, `\odot`;
 * `hadamardDivide` is `./` and `⊘`. What a product of two matrices means is the caller's rule.
 */
export type BinaryOp =
  | "add"
  | "subtract"
  | "product"
  | "hadamard"
  | "divide"
  | "hadamardDivide"
  | "power";

export type CompareOp = ">" | "<" | ">=" | "<=" | "=" | "!=";

export interface FormatOptions {
  /** How to print a function name, e.g. `{ bigO: "O" }`; others print as they are. */
  readonly functionNames?: Readonly<Record<string, string>>;
}

/**
 * Plain text of a tree with every operation in parentheses, `((3 * m) * n)`: unambiguous, for
 * feedback and for comparing two parses.
 */
export function formatMath(node: MathNode, options: FormatOptions = {}): string {
  const format = (n: MathNode): string => {
    switch (n.kind) {
      case "number":
        return String(n.value);
      case "symbol":
        return n.name;
      case "array":
        return `[${n.items.map(format).join(", ")}]`;
      case "negate":
        return `-(${format(n.operand)})`;
      case "transpose":
        return `(${format(n.operand)})^T`;
      case "binary":
        return `(${format(n.left)} ${BINARY_SYMBOLS[n.op]} ${format(n.right)})`;
      case "call":
        return `${options.functionNames?.[n.fn] ?? n.fn}(${format(n.argument)})`;
      case "compare":
        return `${format(n.left)} ${n.op} ${format(n.right)}`;
    }
  };
  return format(node);
}

const BINARY_SYMBOLS: Readonly<Record<BinaryOp, string>> = {
  add: "+",
  subtract: "-",
  product: "*",
  hadamard: "⊙",
  divide: "/",
  hadamardDivide: "⊘",
  power: "^",
};

/** The same tree with every span moved by `offset`, for a formula parsed out of a longer text. */
export function shiftSpans<N extends MathNode<string>>(node: N, offset: number): N {
  const moved: Record<string, unknown> = {
    ...node,
    start: node.start + offset,
    end: node.end + offset,
  };
  for (const [key, value] of Object.entries(node)) {
    if (Array.isArray(value)) moved[key] = value.map((item) => shiftSpans(item, offset));
    else if (typeof value === "object" && value !== null)
      moved[key] = shiftSpans(value as MathNode, offset);
  }
  return moved as N;
}
