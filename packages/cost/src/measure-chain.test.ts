// Formulas against reality: the chains run on real tensors with @nnkit/tensor's counters on.
import { rng, tensor } from "@nnkit/tensor";
import { describe, expect, it } from "vitest";
import type { Chain } from "./chain.js";
import { CostError } from "./errors.js";
import { evaluateChain } from "./evaluate-chain.js";
import { outerTimesVector, scaledOuter, threeMatrices } from "./fixtures/example-chains.js";
import { measureChain } from "./measure-chain.js";

const SIZES = [1, 2, 3, 7];
const random = rng(4);
const column = (size: number) => random.normal([size, 1]);

type Formula = (n: number, m: number) => number;

/** Formulas derived by hand (see fixtures/example-chains.ts): [multiplications, all-stored memory]. */
const cases: {
  label: string;
  chain: Chain;
  values: (n: number, m: number) => object;
  "left-to-right": [Formula, Formula];
  "right-to-left": [Formula, Formula];
}[] = [
  {
    // Inputs u, w (the literal 3 is not stored): n + m. (3u)wᵀ stores n, then nm; 3(uwᵀ) nm twice.
    label: "3uwᵀ",
    chain: scaledOuter,
    values: (n, m) => ({ u: column(n), w: column(m) }),
    "left-to-right": [(n, m) => n + n * m, (n, m) => n * m + 2 * n + m],
    "right-to-left": [(n, m) => 2 * n * m, (n, m) => 2 * n * m + n + m],
  },
  {
    // Inputs n + 2m. (uwᵀ)x stores nm, then n; u(wᵀx) stores 1, then n.
    label: "uwᵀx",
    chain: outerTimesVector,
    values: (n, m) => ({ u: column(n), w: column(m), x: column(m) }),
    "left-to-right": [(n, m) => 2 * n * m, (n, m) => n * m + 2 * n + 2 * m],
    "right-to-left": [(n, m) => m + n, (n, m) => 2 * n + 2 * m + 1],
  },
  {
    // Inputs 3nm. (AB)C stores n², then nm; A(BC) stores m², then nm.
    label: "ABC",
    chain: threeMatrices,
    values: (n, m) => ({
      A: random.normal([n, m]),
      B: random.normal([m, n]),
      C: random.normal([n, m]),
    }),
    "left-to-right": [(n, m) => 2 * n * n * m, (n, m) => 4 * n * m + n * n],
    "right-to-left": [(n, m) => 2 * n * m * m, (n, m) => 4 * n * m + m * m],
  },
];

describe("instrumented counts equal the derived formulas", () => {
  for (const { label, chain, values, ...byOrder } of cases) {
    for (const order of ["left-to-right", "right-to-left"] as const) {
      it(`${label}, ${order}, every n, m in {1, 2, 3, 7}`, () => {
        const [multiplications, memory] = byOrder[order];
        const formulas = evaluateChain(chain, order);
        for (const n of SIZES) {
          for (const m of SIZES) {
            const measured = measureChain(chain, order, values(n, m) as never);
            const at = { n, m };
            expect(measured.point).toEqual(at);
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
  it("computes uwᵀx: wᵀx = 6 for w = [1, 1], x = [2, 4], so the result is 6u in either order", () => {
    const u = tensor([[1], [2], [3]]);
    const w = tensor([[1], [1]]);
    const x = tensor([[2], [4]]);
    for (const order of ["left-to-right", "right-to-left"] as const) {
      expect(measureChain(outerTimesVector, order, { u, w, x }).result.toArray()).toEqual([
        [6],
        [12],
        [18],
      ]);
    }
  });

  it("computes 3uwᵀ for uᵀ = [4, 2, 3], wᵀ = [1, 2]", () => {
    const u = tensor([[4], [2], [3]]);
    const w = tensor([[1], [2]]);
    expect(measureChain(scaledOuter, "left-to-right", { u, w }).result.toArray()).toEqual([
      [12, 24],
      [6, 12],
      [9, 18],
    ]);
  });

  it("names missing values and conflicting sizes", () => {
    const given = { u: column(3), w: column(2) };
    expect(() => measureChain(outerTimesVector, "left-to-right", given)).toThrow(
      expect.objectContaining({
        code: "variable",
        message: expect.stringMatching(/measureChain: no value given for x/),
      }),
    );
    // n is read off u (3) and m off wᵀ (2) before x is checked.
    const conflict = () =>
      measureChain(outerTimesVector, "left-to-right", { ...given, x: column(3) });
    expect(conflict).toThrow(CostError);
    expect(conflict).toThrow(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining('measureChain: x is 3×1, but m×1 is 2×1 at {"n":3,"m":2}'),
      }),
    );
  });
});
