// Formulas against reality: the chains run on real tensors with @nnkit/tensor's counters on.
import { rng, tensor } from "@nnkit/tensor";
import { describe, expect, it } from "vitest";
import type { Chain } from "./chain.js";
import { CostError } from "./errors.js";
import { evaluateChain } from "./evaluate-chain.js";
import { hessian, tradeOff, vectorHessianProduct } from "./fixtures/homework-chains.js";
import { measureChain } from "./measure-chain.js";

const SIZES = [1, 2, 3, 7];
const random = rng(4);
const column = (size: number) => random.normal([size, 1]);

type Formula = (n: number, m: number) => number;

/** HOMEWORK.md's formulas, typed in by hand: [multiplications, all-stored memory] per order. */
const cases: {
  question: string;
  chain: Chain;
  values: (n: number, m: number) => object;
  "left-to-right": [Formula, Formula];
  "right-to-left": [Formula, Formula];
}[] = [
  {
    question: "2.2.2",
    chain: hessian,
    values: (n) => ({ v: column(n) }),
    "left-to-right": [(n) => n * n + n, (n) => n * n + 2 * n],
    "right-to-left": [(n) => 2 * n * n, (n) => 2 * n * n + n],
  },
  {
    question: "2.3",
    chain: vectorHessianProduct,
    values: (n) => ({ v: column(n), y: column(n) }),
    "left-to-right": [(n) => 2 * n * n, (n) => n * n + 3 * n],
    "right-to-left": [(n) => 2 * n, (n) => 3 * n + 1],
  },
  {
    question: "2.4",
    chain: tradeOff,
    values: (n, m) => ({ v: column(n), y1: column(n), y2: column(m) }),
    "left-to-right": [(n, m) => n * (2 * n + m), (n, m) => n * n + n * m + 3 * n + m],
    "right-to-left": [(n, m) => 3 * n * m, (n, m) => 2 * n + 2 * m + 2 * n * m],
  },
];

describe("instrumented counts equal the derived formulas", () => {
  for (const { question, chain, values, ...byOrder } of cases) {
    for (const order of ["left-to-right", "right-to-left"] as const) {
      it(`${question}, ${order}, every n, m in {1, 2, 3, 7}`, () => {
        const [multiplications, memory] = byOrder[order];
        const formulas = evaluateChain(chain, order);
        for (const n of SIZES) {
          for (const m of SIZES) {
            const measured = measureChain(chain, order, values(n, m) as never);
            const at = { n, m };
            expect(measured.point).toEqual(question === "2.4" ? at : { n });
            expect(measured.multiplications).toBe(multiplications(n, m));
            expect(formulas.multiplications.evaluateNumber(at)).toBe(multiplications(n, m));
            expect(measured.storedElements).toBe(memory(n, m));
            expect(formulas.memory.allStored.evaluateNumber(at)).toBe(memory(n, m));
            expect(measured.allocatedElements).toBe(
              formulas.memory.allStored.sub(formulas.memory.inputs).evaluateNumber(at),
            );
            expect(measured.peakLiveElements).toBe(
              formulas.memory.peakLive.evaluate(at).toNumber(),
            );
          }
        }
      });
    }
  }
});

describe("measureChain", () => {
  it("computes the homework's values: 2.3 gives zᵀ = [6, 12, 18]", () => {
    const v = tensor([[1], [2], [3]]);
    const y = tensor([[1], [1], [1]]);
    for (const order of ["left-to-right", "right-to-left"] as const) {
      expect(measureChain(vectorHessianProduct, order, { v, y }).result.toArray()).toEqual([
        [6],
        [12],
        [18],
      ]);
    }
  });

  it("computes 2.2.1's Hessian 2vvᵀ for vᵀ = [4, 2, 3]", () => {
    const v = tensor([[4], [2], [3]]);
    expect(measureChain(hessian, "left-to-right", { v }).result.toArray()).toEqual([
      [32, 16, 24],
      [16, 8, 12],
      [24, 12, 18],
    ]);
  });

  it("names missing values and conflicting sizes", () => {
    expect(() => measureChain(vectorHessianProduct, "left-to-right", { v: column(3) })).toThrow(
      expect.objectContaining({
        code: "variable",
        message: expect.stringMatching(/measureChain: no value given for y/),
      }),
    );
    const conflict = () =>
      measureChain(vectorHessianProduct, "left-to-right", { v: column(3), y: column(2) });
    expect(conflict).toThrow(CostError);
    expect(conflict).toThrow(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining('measureChain: y is 2×1, but n×1 is 3×1 at {"n":3}'),
      }),
    );
  });
});
