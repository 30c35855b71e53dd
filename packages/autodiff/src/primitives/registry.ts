import { AutodiffError } from "../errors.js";
import type { Primitive } from "../primitive.js";
import { addPrimitive } from "./add.js";
import { broadcastPrimitive } from "./broadcast.js";
import { comparePrimitive } from "./compare.js";
import { divPrimitive } from "./div.js";
import { expPrimitive } from "./exp.js";
import { logPrimitive } from "./log.js";
import { logSoftmaxPrimitive } from "./log-softmax.js";
import { matmulPrimitive } from "./matmul.js";
import { maximumPrimitive } from "./maximum.js";
import { mulPrimitive } from "./mul.js";
import { negPrimitive } from "./neg.js";
import { onehotPrimitive } from "./onehot.js";
import { powPrimitive } from "./pow.js";
import { reluPrimitive } from "./relu.js";
import { reshapePrimitive } from "./reshape.js";
import { scalePrimitive } from "./scale.js";
import { sigmoidPrimitive } from "./sigmoid.js";
import { softmaxPrimitive } from "./softmax.js";
import { squarePrimitive } from "./square.js";
import { stackPrimitive } from "./stack.js";
import { subPrimitive } from "./sub.js";
import { sumPrimitive } from "./sum.js";
import { takePrimitive } from "./take.js";
import { tanhPrimitive } from "./tanh.js";
import { transposePrimitive } from "./transpose.js";
import { wherePrimitive } from "./where.js";

/** The primitive table: every graph node that is not an input or constant applies one of these. */
export const primitives: readonly Primitive[] = [
  addPrimitive,
  subPrimitive,
  mulPrimitive,
  divPrimitive,
  negPrimitive,
  expPrimitive,
  logPrimitive,
  tanhPrimitive,
  sigmoidPrimitive,
  reluPrimitive,
  squarePrimitive,
  powPrimitive,
  maximumPrimitive,
  comparePrimitive,
  wherePrimitive,
  matmulPrimitive,
  transposePrimitive,
  reshapePrimitive,
  broadcastPrimitive,
  sumPrimitive,
  scalePrimitive,
  softmaxPrimitive,
  logSoftmaxPrimitive,
  onehotPrimitive,
  takePrimitive,
  stackPrimitive,
] as readonly Primitive[];

const byName = new Map(primitives.map((p) => [p.name, p]));

/** The primitive called `op`, e.g. "matmul". */
export function getPrimitive(op: string): Primitive {
  const found = byName.get(op);
  if (!found)
    throw new AutodiffError("getPrimitive", "argument", `no primitive named ${JSON.stringify(op)}`);
  return found;
}
