// @nnkit/autodiff: automatic differentiation as transformations of traced computation graphs.

export { type AbstractValue, abstract } from "./abstract-value.js";
export { backwardValues, type NamedValue } from "./backward-values.js";
export {
  checkGrads,
  type GradCheckEntry,
  type GradCheckMode,
  type GradCheckOptions,
  type GradCheckReport,
  type GradCheckResult,
} from "./check-grads.js";
export type { CostRule, CostTerm } from "./cost.js";
export { type Dim, type SymbolicDim, sym } from "./dims.js";
export {
  type BackwardEquation,
  type BackwardEquations,
  backwardEquations,
} from "./equations/backward-equations.js";
export { AutodiffError, type AutodiffErrorCode } from "./errors.js";
export {
  edges,
  findNode,
  type Graph,
  type GraphNode,
  namedEdges,
} from "./graph.js";
export { evaluateGraph } from "./interpret/evaluate.js";
export { keepForBackward, type Residual, savedFlags, savedNodes } from "./interpret/residuals.js";
export { walkGraph } from "./interpret/walk.js";
export { booleanMask } from "./ops/boolean-mask.js";
export { clip } from "./ops/clip.js";
export { dot } from "./ops/dot.js";
export { logsumexp } from "./ops/logsumexp.js";
export { mean } from "./ops/mean.js";
export { name } from "./ops/name.js";
export { outer } from "./ops/outer.js";
export type { BinaryOp, UnaryOp } from "./ops/types.js";
export type { Params, Primitive } from "./primitive.js";
export { type PrimitiveName, primitiveNames } from "./primitive-names.js";
export { abs } from "./primitives/abs.js";
export { add } from "./primitives/add.js";
export { eq, ge, gt, le, lt, ne } from "./primitives/compare.js";
export { concatenate } from "./primitives/concatenate.js";
export { cumsum } from "./primitives/cumsum.js";
export { div } from "./primitives/div.js";
export { exp } from "./primitives/exp.js";
export { max, min } from "./primitives/extremum.js";
export { gather, scatterAdd } from "./primitives/gather-scatter.js";
export { log } from "./primitives/log.js";
export { logSoftmax } from "./primitives/log-softmax.js";
export { matmul } from "./primitives/matmul.js";
export { maximum } from "./primitives/maximum.js";
export { mul } from "./primitives/mul.js";
export { neg } from "./primitives/neg.js";
export { onehot } from "./primitives/onehot.js";
export { pow } from "./primitives/pow.js";
export { getPrimitive, primitives } from "./primitives/registry.js";
export { relu } from "./primitives/relu.js";
export { reshape } from "./primitives/reshape.js";
export { scale } from "./primitives/scale.js";
export { sigmoid } from "./primitives/sigmoid.js";
export { type Index, pad, slice } from "./primitives/slice-pad.js";
export { softmax } from "./primitives/softmax.js";
export { sqrt } from "./primitives/sqrt.js";
export { square } from "./primitives/square.js";
export { stack } from "./primitives/stack.js";
export { sub } from "./primitives/sub.js";
export { broadcastTo, sum } from "./primitives/sum-broadcast.js";
export { take } from "./primitives/take.js";
export { tanh } from "./primitives/tanh.js";
export { transpose } from "./primitives/transpose.js";
export { where } from "./primitives/where.js";
export { toDot } from "./render/dot.js";
export { toMermaid } from "./render/mermaid.js";
export { toText } from "./render/text.js";
export { type TraceableFunction, trace } from "./trace.js";
export { type Operand, Tracer, type Value } from "./tracer.js";
export { type GradientOf, type Gradients, grad, valueAndGrad } from "./transforms/grad.js";
export { hvp } from "./transforms/hvp.js";
export { hessian, jacfwd, jacrev } from "./transforms/jacobian.js";
export { jvp } from "./transforms/jvp.js";
export { type Pullback, vjp } from "./transforms/vjp.js";
export { type AxisSpec, type Eager, type Vectorized, vmap } from "./transforms/vmap.js";
export type { Tree, TreeDef } from "./tree.js";
