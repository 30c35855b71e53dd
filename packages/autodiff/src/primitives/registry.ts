import { AutodiffError } from "../errors.js";
import type { Primitive } from "../primitive.js";
import type { PrimitiveName } from "../primitive-names.js";
import { absPrimitive } from "./abs.js";
import { addPrimitive } from "./add.js";
import { comparePrimitive } from "./compare.js";
import { concatenatePrimitive } from "./concatenate.js";
import { cumsumPrimitive } from "./cumsum.js";
import { divPrimitive } from "./div.js";
import { expPrimitive } from "./exp.js";
import { maxPrimitive, minPrimitive } from "./extremum.js";
import { gatherPrimitive, scatterPrimitive } from "./gather-scatter.js";
import { logPrimitive } from "./log.js";
import { logSoftmaxPrimitive } from "./log-softmax.js";
import { matmulPrimitive } from "./matmul.js";
import { maximumPrimitive } from "./maximum.js";
import { mulPrimitive } from "./mul.js";
import { negPrimitive } from "./neg.js";
import { onehotPrimitive } from "./onehot.js";
import { powPrimitive } from "./pow.js";
import { powerPrimitive } from "./power.js";
import { reluPrimitive } from "./relu.js";
import { reshapePrimitive } from "./reshape.js";
import { scalePrimitive } from "./scale.js";
import { sigmoidPrimitive } from "./sigmoid.js";
import { padPrimitive, slicePrimitive } from "./slice-pad.js";
import { softmaxPrimitive } from "./softmax.js";
import { sqrtPrimitive } from "./sqrt.js";
import { squarePrimitive } from "./square.js";
import { stackPrimitive } from "./stack.js";
import { subPrimitive } from "./sub.js";
import { broadcastPrimitive, sumPrimitive } from "./sum-broadcast.js";
import { takePrimitive } from "./take.js";
import { tanhPrimitive } from "./tanh.js";
import { transposePrimitive } from "./transpose.js";
import { wherePrimitive } from "./where.js";

/** The primitive table, by name: exactly the names of primitive-names.ts, each its own primitive. */
const table: { readonly [Name in PrimitiveName]: Primitive<Name, never> } = {
  add: addPrimitive,
  sub: subPrimitive,
  mul: mulPrimitive,
  div: divPrimitive,
  neg: negPrimitive,
  exp: expPrimitive,
  log: logPrimitive,
  tanh: tanhPrimitive,
  sigmoid: sigmoidPrimitive,
  relu: reluPrimitive,
  square: squarePrimitive,
  pow: powPrimitive,
  maximum: maximumPrimitive,
  compare: comparePrimitive,
  where: wherePrimitive,
  matmul: matmulPrimitive,
  transpose: transposePrimitive,
  reshape: reshapePrimitive,
  broadcast: broadcastPrimitive,
  sum: sumPrimitive,
  scale: scalePrimitive,
  softmax: softmaxPrimitive,
  logSoftmax: logSoftmaxPrimitive,
  onehot: onehotPrimitive,
  take: takePrimitive,
  stack: stackPrimitive,
  sqrt: sqrtPrimitive,
  abs: absPrimitive,
  max: maxPrimitive,
  min: minPrimitive,
  power: powerPrimitive,
  slice: slicePrimitive,
  pad: padPrimitive,
  concatenate: concatenatePrimitive,
  cumsum: cumsumPrimitive,
  gather: gatherPrimitive,
  scatterAdd: scatterPrimitive,
};

/** Every graph node that is not an input or constant applies one of these. */
export const primitives: readonly Primitive[] = Object.values(table) as readonly Primitive[];

/** The table as a map: graph walks look a primitive up per node, and a keyed lookup on an object
 * of 40-odd properties was a visible share of a long graph's time per op. */
const byName = new Map<string, Primitive>(Object.entries(table) as [string, Primitive][]);

/** The primitive called `op`, e.g. "matmul". */
export function getPrimitive(op: string): Primitive {
  const found = byName.get(op);
  if (!found)
    throw new AutodiffError("getPrimitive", "argument", `no primitive named ${JSON.stringify(op)}`);
  return found as unknown as Primitive;
}
