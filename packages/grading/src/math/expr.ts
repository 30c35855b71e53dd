import { formatMath, type MathNode } from "@nnkit/math";

export type { BinaryOp, CompareOp } from "@nnkit/math";

/** The tree every formula becomes, whatever syntax the student wrote it in (see @nnkit/math). */
export type GradingMath = MathNode<FunctionName>;

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
  "tanh",
  "tanh'",
  "sum",
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
  tanh: "tanh",
  "tanh'": "tanh'",
  sum: "sum",
  o: "bigO",
  theta: "bigO",
};

/** How functions print in feedback: big-O as `O`. */
export const FUNCTION_DISPLAY: Readonly<Record<string, string>> = { bigO: "O" };

/** Plain-syntax text of an expression, used in feedback. */
export function formatExpr(expr: GradingMath): string {
  return formatMath(expr, { functionNames: FUNCTION_DISPLAY });
}
