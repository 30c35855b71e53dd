// @nnkit/threshold: networks of hard-threshold units, evaluated exactly and verified against
// predicates with counterexamples.
export {
  type Activation,
  applyActivation,
  equals,
  identity,
  indicator,
  isBinary,
  phi,
  relu,
  sign,
  step,
} from "./activation.js";
export { evaluateBatch, type TensorLike } from "./batch.js";
export {
  conjunction,
  disjunction,
  negation,
  parallel,
  selectInputs,
  sequence,
} from "./compose.js";
export {
  type Condition,
  conditionArity,
  type Expression,
  formatCondition,
  holds,
  holdsExact,
  input,
  inputs,
  MAX_PERMUTATION_LENGTH,
  type Relation,
  toFormula,
} from "./condition.js";
export {
  type DecideOptions,
  type Decision,
  type DecisionCounterexample,
  decide,
  type Enumerated,
  loadSolver,
  type UndecidedReason,
} from "./decide.js";
export {
  type Assumption,
  assume,
  conditionAssumption,
  type Domain,
  distinct,
  intRange,
  intRanges,
} from "./domain.js";
export { ConditionError, ThresholdError, type ThresholdErrorCode } from "./errors.js";
export { evaluate, type LayerTrace, type Trace, trace } from "./evaluate.js";
export { formatNetwork, formatTrace } from "./format.js";
export { fromJSON, type LayerJSON, type NetworkJSON, toJSON } from "./json.js";
export {
  type CheckedLayers,
  type Layer,
  type LayerSpec,
  type Network,
  network,
} from "./network.js";
export { networkTerms } from "./network-formula.js";
export { domainInputs } from "./order.js";
export {
  PARALLEL_MIN_INPUTS,
  type ParallelVerifyOptions,
  verifyParallel,
} from "./parallel.js";
export {
  MAX_CONDITION_LENGTH,
  type ParseConditionOptions,
  parseCondition,
} from "./parse-condition.js";
export { type PerceptronOptions, type PerceptronResult, perceptron } from "./perceptron.js";
export {
  MAX_PREPARED_INPUTS,
  type PreparedVerification,
  prepareVerification,
} from "./prepared.js";
export {
  type CheckedQuestion,
  type DisallowedActivation,
  disallowedActivation,
  type Question,
  type QuestionSpec,
  question,
} from "./question.js";
export { parseRational, Rational, type Scalar } from "./rational.js";
export { formatVerification } from "./report.js";
export { linearSeparability, type Separability } from "./separability.js";
export { comparatorStage } from "./sorting.js";
export {
  ACCEPTED_ACTIVATION_SPECS,
  type ActivationSpec,
  type ActivationSpecText,
  formatActivation,
  parseActivation,
} from "./spec.js";
export {
  allEqual,
  and,
  conditionTarget,
  isPermutation,
  isSorted,
  majority,
  memberOf,
  or,
  predicate,
  sortedAscending,
  type Target,
  vectorTarget,
  xor,
} from "./target.js";
export { type BooleanFunction, type Sample, truthTable } from "./truth-table.js";
export {
  type Counterexample,
  type Progress,
  type Verification,
  type VerifyOptions,
  verify,
} from "./verify.js";
