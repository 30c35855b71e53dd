// @nnkit/grading: answer files, math input, checkers, and homework 1 as reference computations.
export type { AnswerValue } from "./answers/answer-value.js";
export { FILE_LIMITS } from "./answers/limits.js";
export {
  type AnswerFile,
  type AnswerFileResult,
  parseAnswerFile,
} from "./answers/parse-answer-file.js";
export {
  type Assignment,
  defineAssignment,
  type LatePolicy,
  type Part,
  type Question,
  type VariantVariable,
  type Visibility,
  withStudentVariants,
} from "./assignment/assignment.js";
export type { BackpropPartSpec, GraphPartSpec, NetworkSpec } from "./assignment/backprop-spec.js";
export { ASSIGNMENT_FORMAT, assignmentFromSpec } from "./assignment/compile-assignment.js";
export {
  type QuestionOptions,
  type QuestionSpec,
  question,
} from "./assignment/compile-question.js";
export {
  backpropParts,
  backpropTemplateFields,
  networkInstance,
} from "./assignment/kinds/backprop.js";
export { graphParts, graphTemplateLines } from "./assignment/kinds/graph.js";
export {
  type AssignmentSource,
  isAssignmentPath,
  loadAssignment,
} from "./assignment/load-assignment.js";
export { assignments, findAssignment, getAssignment } from "./assignment/registry.js";
export {
  AssignmentSpecError,
  type AssignmentSpecErrorCode,
  formatSpecPath,
  type SpecLocation,
  type SpecPath,
} from "./assignment/spec-error.js";
export { seedFrom, studentVariant } from "./assignment/student-variant.js";
export { readAssignmentYaml } from "./assignment/yaml/read-assignment-yaml.js";
export { decisionTotals } from "./certify/decision-cache.js";
export { shareVerdicts, type VerdictExchange } from "./certify/shared-verdicts.js";
export {
  LOAD_SOLVER,
  needsSolver,
  RESTART_SOLVER,
  type SolverLink,
  type SolverModules,
  setSolverModules,
  startSolverThread,
  useSolverLink,
} from "./certify/solver-thread.js";
export {
  type BackpropCheckOptions,
  type BackpropInstance,
  backpropCheck,
} from "./checkers/backprop-check.js";
export type { Check, CheckContext, CheckOutcome, Variant } from "./checkers/check.js";
export { type ConditionCheckOptions, conditionCheck } from "./checkers/condition-check.js";
export { type CostCheckOptions, costCheck } from "./checkers/cost-check.js";
export {
  type ExpressionCheckOptions,
  type ExpressionInstance,
  expressionCheck,
} from "./checkers/expression-check.js";
export { type GraphCheckOptions, graphCheck } from "./checkers/graph-check.js";
export { manualCheck } from "./checkers/manual-check.js";
export {
  type NumericCheckOptions,
  type NumericReference,
  numericCheck,
} from "./checkers/numeric-check.js";
export type {
  Certainty,
  Counterexample,
  Difference,
  Finding,
  Hint,
  ItemVerdict,
  OutcomeItem,
  Scope,
  Span,
  TraceLayer,
} from "./checkers/outcome.js";
export { type SolutionSetCheckOptions, solutionSetCheck } from "./checkers/solution-set-check.js";
export {
  isThresholdCheck,
  type ThresholdCheck,
  type ThresholdCheckOptions,
  thresholdCheck,
} from "./checkers/threshold-check.js";
export type {
  AnswerNetworkResult,
  NetworkForm,
  RefusedVerdict,
} from "./checkers/threshold-network.js";
export { yesNoCheck } from "./checkers/yes-no-check.js";
export { GradingError, type GradingErrorCode } from "./errors.js";
export { answerNetwork } from "./grade/answer-network.js";
export {
  checkField,
  type FieldCheckOptions,
  type FieldVerdict,
} from "./grade/check-field.js";
export {
  type GradeOptions,
  gradeAnswerFile,
  gradeAnswerText,
  unreadableQuestion,
} from "./grade/grade-answer.js";
export { applyLatePolicy, type LateOutcome } from "./grade/late-policy.js";
export {
  type ManualScore,
  type ManualScoreRow,
  mergeManualScores,
  parseManualScores,
  readManualScoreRows,
} from "./grade/manual-scores.js";
export {
  type RenderedPart,
  type RenderOptions,
  renderFeedback,
  renderItem,
  renderOutcome,
} from "./grade/render-feedback.js";
export {
  type GradeResult,
  type QuestionItem,
  type QuestionResult,
  type QuestionStatus,
  resultToJSON,
} from "./grade/result.js";
export {
  type Hw1Parameters,
  hessian,
  hessianHalf,
  homeworkChains,
  hw1Example,
  hw1Network,
  tradeOff,
  vectorHessianProduct,
} from "./hw1/course.js";
export { hw1 } from "./hw1/hw1.js";
export {
  elementInList,
  elementInListTolerant,
  permutationByEquality,
  permutationByModules,
  sortFour,
  studentElementInList,
  studentElementInListCorrected,
  thresholdQuestions,
} from "./hw1/threshold-networks.js";
export type { Shapes } from "./math/condition-prose.js";
export type { NumericArray } from "./math/constant.js";
export { evaluateConstant } from "./math/constant.js";
export {
  evaluateTensor,
  type TensorEnvironment,
  type TensorResult,
} from "./math/evaluate-tensor.js";
export {
  type BinaryOp,
  type CompareOp,
  type FunctionName,
  formatExpr,
  type GradingMath,
} from "./math/expr.js";
export { MATH_LIMITS } from "./math/limits.js";
export { describeMathError, type MathError } from "./math/math-error.js";
export {
  type MathKind,
  type ParseMathOptions,
  type ParseResult,
  parseMath,
} from "./math/parse-math.js";
export {
  type ChainRead,
  type ChainTextError,
  type Dimension,
  describeChainError,
  type FactorSize,
  MAX_CHAIN_FACTORS,
  readChain,
  readSizedChain,
} from "./math/read-chain.js";
export { type PolynomialResult, toPolynomial } from "./math/to-polynomial.js";
export {
  compileNetwork,
  type Network,
  type NetworkEquation,
  type NetworkVariable,
} from "./network/compile-network.js";
export { drawInstance } from "./network/draw-instance.js";
export { EquationError } from "./network/equation-error.js";
export {
  evaluateStudentEquation,
  instanceFromNamedValues,
  type StudentEquationValue,
} from "./network/evaluate-student-equation.js";
export { NETWORK_LIMITS } from "./network/limits.js";
export type { Dim, StaticShape } from "./network/shape.js";
export { type ProofCounts, proofTotals } from "./symbolic/proof-cache.js";
export { answerTemplate } from "./template.js";
