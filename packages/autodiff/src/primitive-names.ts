// The registered primitives' names, a leaf of the import graph so that a graph node's `op` can be
// their union without graph.ts importing the primitives. registry.ts is typed to hold exactly these.
export const primitiveNames = [
  "add",
  "sub",
  "mul",
  "div",
  "neg",
  "exp",
  "log",
  "tanh",
  "sigmoid",
  "relu",
  "square",
  "pow",
  "maximum",
  "compare",
  "where",
  "matmul",
  "transpose",
  "reshape",
  "broadcast",
  "sum",
  "scale",
  "softmax",
  "logSoftmax",
  "onehot",
  "take",
  "stack",
  "sqrt",
  "abs",
  "max",
  "min",
  "power",
] as const;

/** A registered primitive's name, e.g. "matmul". */
export type PrimitiveName = (typeof primitiveNames)[number];
