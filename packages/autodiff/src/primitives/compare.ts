import * as T from "@nnkit/tensor";
import { bind, operands } from "../bind.js";
import { free } from "../cost.js";
import { atom, type Expr } from "../equations/expr.js";
import type { BinaryOp } from "../ops/types.js";
import type { Primitive } from "../primitive.js";
import { broadcastShapes } from "../shapes.js";
import type { Operand, Value } from "../tracer.js";
import { alignOperands } from "./batching.js";

type Relation = "gt" | "ge" | "lt" | "le" | "eq" | "ne";
type CompareParams = { relation: Relation };

const symbols: Record<Relation, [text: string, latex: string]> = {
  gt: [">", ">"],
  ge: ["≥", "\\ge"],
  lt: ["<", "<"],
  le: ["≤", "\\le"],
  eq: ["=", "="],
  ne: ["≠", "\\ne"],
};

const evaluators: Record<Relation, (a: T.Tensor, b: T.Tensor) => T.Tensor> = {
  gt: T.gt,
  ge: T.ge,
  lt: T.lt,
  le: T.le,
  eq: T.eq,
  ne: T.ne,
};

function indicator(a: Expr, b: Expr, relation: Relation): Expr {
  const [text, latex] = symbols[relation];
  return atom(`I(${a.text} ${text} ${b.text})`, `\\mathbb{I}(${a.latex} ${latex} ${b.latex})`);
}

/** Elementwise comparison giving a bool mask; it has no derivative (piecewise constant). */
export const comparePrimitive: Primitive<"compare", CompareParams> = {
  name: "compare",
  saves: [],
  broadcasts: true,
  shape: ([a, b], { relation }) => ({
    shape: broadcastShapes(relation, a!.shape, b!.shape),
    dtype: "bool",
  }),
  evaluate: ([a, b], { relation }) => evaluators[relation](a!, b!),
  jvp: () => null,
  vjp: () => [null, null],
  batch: (inputs, batched, params) =>
    bind(comparePrimitive, alignOperands(inputs, batched), params),
  cost: () => free,
  notation: {
    forward: ([a, b], { relation }) => indicator(a!, b!, relation),
    adjoint: () => atom("0"),
  },
};

function comparison(relation: Relation): BinaryOp {
  return ((a: Operand, b: Operand): Value =>
    bind(comparePrimitive, operands(a, b), { relation })) as BinaryOp;
}

/** a > b elementwise, as a bool mask. */
export const gt = comparison("gt");
/** a ≥ b elementwise, as a bool mask. */
export const ge = comparison("ge");
/** a < b elementwise, as a bool mask. */
export const lt = comparison("lt");
/** a ≤ b elementwise, as a bool mask. */
export const le = comparison("le");
/** a = b elementwise, as a bool mask. */
export const eq = comparison("eq");
/** a ≠ b elementwise, as a bool mask. */
export const ne = comparison("ne");
