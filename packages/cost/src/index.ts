export { Rational } from "@nnkit/math";
export { bigO, compareAt, formatBigO, leadingTerms, sameGrowth } from "./big-o.js";
export { Chain, type ChainShape, chain } from "./chain.js";
export { type ChainMemory, type MemoryConvention, memoryUnder } from "./chain-memory.js";
export { type CheapestResult, cheapestOrder } from "./cheapest.js";
export {
  add,
  constant,
  div,
  mul,
  neg,
  pow,
  sub,
  variable,
} from "./constructors.js";
export {
  type Condition,
  type Crossover,
  conditionHolds,
  crossover,
  formatCondition,
} from "./crossover.js";
export {
  type ConditionDecision,
  type DecideConditionOptions,
  decideCondition,
} from "./decide-condition.js";
export { CostError, type CostErrorCode } from "./errors.js";
export { type ChainEvaluation, type ChainStep, evaluateChain } from "./evaluate-chain.js";
export {
  describeCrossover,
  explainCheapest,
  explainEvaluation,
  explainGraphCost,
} from "./explain.js";
export {
  type Factor,
  type MatrixFactor,
  matrix,
  type ScalarFactor,
  scalar,
  transpose,
  vector,
} from "./factor.js";
export { type FitOptions, fitPolynomial } from "./fit-polynomial.js";
export type { FormatOptions } from "./format.js";
export {
  costRuleToPolynomial,
  type GraphCost,
  type GraphNodeCost,
  graphCost,
} from "./graph-cost.js";
export { MaxOf } from "./max-of.js";
export { type ChainMeasurement, type ChainValues, measureChain } from "./measure-chain.js";
export { type GraphMeasurement, measureGraph } from "./measure-graph.js";
export {
  formatOrder,
  leftToRight,
  type Order,
  type OrderSpec,
  parseOrder,
  rightToLeft,
} from "./order.js";
export { type ParsePolynomialOptions, parsePolynomial } from "./parse-polynomial.js";
export { type Point, Polynomial, type Scalar, type Term } from "./polynomial.js";
export {
  type FromMathLimits,
  type FromMathOptions,
  type FromMathResult,
  polynomialFromMath,
} from "./polynomial-from-math.js";
export { type Constraint, Region, type Relation } from "./region.js";
export type { SizeLike, SymbolLike } from "./size.js";
