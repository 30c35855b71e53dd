// The matrix chains of homework 1, questions 2.2.2–2.4, written once for the grader, the terminal
// app and the bench.
import { type Chain, chain, scalar, transpose, vector } from "@nnkit/cost";

const v = vector("v", "n");
const y = vector("y", "n");
const y1 = vector("y1", "n");
const y2 = vector("y2", "m");

/** 2.2.2: H = 2vvᵀ (the errata's ½-convention drops the 2: hessianHalf). */
export const hessian: Chain = chain(scalar(2), v, transpose(v));
export const hessianHalf: Chain = chain(v, transpose(v));
/** 2.3: z = Hy = vvᵀy, and with the 2 of H = 2vvᵀ kept: z = 2vvᵀy. */
export const vectorHessianProduct: Chain = chain(v, transpose(v), y);
export const vectorHessianProductDoubled: Chain = chain(scalar(2), v, transpose(v), y);
/** 2.4: Z = Hy1y2ᵀ = vvᵀy1y2ᵀ. */
export const tradeOff: Chain = chain(v, transpose(v), y1, transpose(y2));

/** All of the above by question, for the grader and the terminal app. */
export const homeworkChains = {
  "2.2.2": hessian,
  "2.2.2 (errata: H = vvᵀ)": hessianHalf,
  "2.3": vectorHessianProduct,
  "2.4": tradeOff,
} as const;
