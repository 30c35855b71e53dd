/** The tree every formula becomes, whatever syntax the student wrote it in. */
export type Expr =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "symbol"; readonly name: string }
  | { readonly kind: "array"; readonly items: readonly Expr[] }
  | { readonly kind: "negate"; readonly operand: Expr }
  | { readonly kind: "transpose"; readonly operand: Expr }
  | { readonly kind: "binary"; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: "call"; readonly fn: FunctionName; readonly argument: Expr }
  | { readonly kind: "compare"; readonly op: CompareOp; readonly left: Expr; readonly right: Expr };

/**
 * `product` is juxtaposition, `*`, `@` and `\cdot`: a matrix product when both sides are non-scalar,
 * scaling otherwise. `hadamard` is `⊙`, `.*`, `\odot`; `hadamardDivide` is `./` and `⊘`.
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

export const FUNCTION_NAMES = [
  "relu",
  "relu'",
  "sigmoid",
  "sigmoid'",
  "softmax",
  "softmax'",
  "exp",
  "log",
  "sqrt",
  "onehot",
  "diag",
  "inverse",
  "indicator",
  "bigO",
] as const;

export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** Spellings students use for each function, compared case-insensitively. */
export const FUNCTION_SPELLINGS: Readonly<Record<string, FunctionName>> = {
  relu: "relu",
  "relu'": "relu'",
  sigmoid: "sigmoid",
  sigma: "sigmoid",
  "sigmoid'": "sigmoid'",
  "sigma'": "sigmoid'",
  softmax: "softmax",
  "softmax'": "softmax'",
  exp: "exp",
  log: "log",
  ln: "log",
  sqrt: "sqrt",
  onehot: "onehot",
  diag: "diag",
  inv: "inverse",
  i: "indicator",
  o: "bigO",
  theta: "bigO",
};

/** Plain-syntax text of an expression, used in feedback. */
export function formatExpr(expr: Expr): string {
  switch (expr.kind) {
    case "number":
      return String(expr.value);
    case "symbol":
      return expr.name;
    case "array":
      return `[${expr.items.map(formatExpr).join(", ")}]`;
    case "negate":
      return `-(${formatExpr(expr.operand)})`;
    case "transpose":
      return `(${formatExpr(expr.operand)})^T`;
    case "binary":
      return `(${formatExpr(expr.left)} ${BINARY_SYMBOLS[expr.op]} ${formatExpr(expr.right)})`;
    case "call":
      return `${expr.fn === "bigO" ? "O" : expr.fn}(${formatExpr(expr.argument)})`;
    case "compare":
      return `${formatExpr(expr.left)} ${expr.op} ${formatExpr(expr.right)}`;
  }
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
