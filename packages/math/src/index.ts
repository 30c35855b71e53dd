// @nnkit/math: exact rationals, and one parser for plain, LaTeX and Unicode math notation.
export { RationalError, type RationalErrorCode } from "./errors.js";
export { PARSE_LIMITS } from "./limits.js";
export {
  identityMapped,
  type MappedText,
  MappedTextBuilder,
  originOf,
} from "./mapped-text.js";
export { type Located, type MathError, type MathErrorCode, mathError } from "./math-error.js";
export {
  DeclaredSymbols,
  type NameResolver,
  type Resolution,
  symbolResolver,
} from "./names.js";
export {
  type BinaryOp,
  type CompareOp,
  type FormatOptions,
  formatMath,
  type MathNode,
  type Span,
  shiftSpans,
} from "./node.js";
export { type MathResult, type ParseOptions, parseMath, parseTokens } from "./parse.js";
export {
  ceilDiv,
  floorDiv,
  gcd,
  lcm,
  MAX_DECIMAL_EXPONENT,
  MAX_DIGITS,
  MAX_POWER_BITS,
  Rational,
  type Scalar,
} from "./rational.js";
export { toPlain } from "./to-plain.js";
export { type Operator, type Token, type TokenizeOptions, tokenize } from "./tokenize.js";
