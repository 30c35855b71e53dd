import { describe, expect, it } from "vitest";
import { chain } from "./chain.js";
import { cheapestOrder } from "./cheapest.js";
import { CostError } from "./errors.js";
import { evaluateChain } from "./evaluate-chain.js";
import { matrix, scalar, transpose, vector } from "./factor.js";
import { outerTimesVector } from "./fixtures/example-chains.js";
import { formatOrder, leftToRight, parseOrder, rightToLeft } from "./order.js";
import { parsePolynomial } from "./parse-polynomial.js";
import { Region } from "./region.js";
import type { SymbolLike } from "./size.js";

/** An autodiff-style symbolic dim, without depending on @nnkit/autodiff. */
const sym = (name: string): SymbolLike => ({ kind: "symbol", name });

function thrown(f: () => unknown): CostError {
  try {
    f();
  } catch (e) {
    if (e instanceof CostError) return e;
    throw e;
  }
  throw new Error("expected a CostError");
}

describe("chains", () => {
  const u = vector("u", "n");
  const w = vector("w", "m");

  it("names both factors when inner dimensions differ", () => {
    const error = thrown(() => chain(transpose(u), transpose(w)));
    expect(error.code).toBe("shape");
    expect(error.message).toBe("chain: inner dimensions of uᵀ (1×n) and wᵀ (1×m) differ: n ≠ 1");
  });

  it("refuses negative, fractional and non-finite sizes", () => {
    expect(thrown(() => matrix("A", -1, 2)).message).toBe(
      "matrix: rows of A is -1, not a non-negative integer",
    );
    expect(thrown(() => matrix("A", 2, 1.5)).code).toBe("size");
    expect(thrown(() => vector("x", Number.POSITIVE_INFINITY)).code).toBe("size");
  });

  it("refuses unknown variables when sizes are evaluated", () => {
    const error = thrown(() => outerTimesVector.at({ m: 3 }));
    expect(error.code).toBe("variable");
    expect(error.message).toMatch(/no value for variable "n"/);
  });

  it("refuses a region over variables the chain does not have", () => {
    const error = thrown(() => cheapestOrder(outerTimesVector, Region.of("k > n")));
    expect(error.code).toBe("variable");
    expect(error.message).toBe(
      "cheapestOrder: the region uses unknown variable k; the sizes are n, m",
    );
  });

  it("accepts autodiff-style symbolic dims and numeric sizes", () => {
    const a = matrix("A", sym("n"), 3);
    const b = matrix("B", 3, "k");
    const product = evaluateChain(chain(a, b), "left-to-right");
    expect(product.multiplications.equals(parsePolynomial("3*n*k"))).toBe(true);
  });

  it("lets scalars stand anywhere and costs them one per entry", () => {
    const scaled = chain(vector("x", 4), scalar(3), transpose(vector("x", 4)));
    expect(evaluateChain(scaled, "left-to-right").multiplications.toString()).toBe("20");
    expect(evaluateChain(scaled, "right-to-left").multiplications.toString()).toBe("20");
    const twoScalars = evaluateChain(
      chain(scalar(2), scalar("c"), vector("x", 5)),
      "left-to-right",
    );
    expect(twoScalars.multiplications.toString()).toBe("6");
    expect(twoScalars.memory.inputs.toString()).toBe("6"); // c and x; the literal 2 is not stored
  });

  it("substitutes sizes at a point", () => {
    // u(wᵀx): m + n multiplications.
    const numeric = outerTimesVector.at({ n: 7, m: 2 });
    expect(evaluateChain(numeric, "right-to-left").multiplications.toString()).toBe("9");
  });
});

describe("orders", () => {
  const c = outerTimesVector;

  it("builds left-to-right and right-to-left trees", () => {
    expect(leftToRight(4)).toEqual([[[0, 1], 2], 3]);
    expect(rightToLeft(4)).toEqual([0, [1, [2, 3]]]);
    expect(formatOrder(c, rightToLeft(3))).toBe("u(wᵀx)");
  });

  it("parses written orders, with ^T for ᵀ", () => {
    expect(parseOrder(c, "u (w^T x)")).toEqual([0, [1, 2]]);
    // uwᵀ is n×m (nm), then times x (nm again).
    expect(evaluateChain(c, { text: "(uwᵀ)x" }).multiplications.toString()).toBe("2nm");
  });

  it("names the problem with a bad order", () => {
    expect(thrown(() => parseOrder(c, "uwᵀx")).message).toMatch(/more than two parts/);
    expect(thrown(() => parseOrder(c, "u(xwᵀ)")).message).toMatch(/expected wᵀ at position 2/);
    expect(thrown(() => parseOrder(c, "u(wᵀ")).code).toBe("order");
    expect(thrown(() => evaluateChain(c, [[0, 2], 1])).message).toMatch(
      /factor 2 appears where factor 1 \(wᵀ\) belongs/,
    );
    expect(thrown(() => evaluateChain(c, [0, 1])).message).toMatch(/covers 2 of 3 factors/);
  });
});

describe("memory conventions", () => {
  const reverse = evaluateChain(outerTimesVector, "right-to-left");

  it("counts every stored value, intermediates only, or the peak alive", () => {
    // u(wᵀx): inputs n + 2m, then wᵀx (1) and the result (n), both alive at the last step.
    expect(reverse.memory.allStored.toString()).toBe("2n + 2m + 1");
    expect(reverse.memory.intermediates.toString()).toBe("1");
    expect(reverse.memory.peakLive.toString()).toBe("2n + 2m + 1");
  });

  it("frees an intermediate after its last use when counting the peak", () => {
    // A(B(CD)) with 1×1 results: peak is inputs + the two live intermediates of one step.
    const c = chain(
      matrix("A", 1, 10),
      matrix("B", 10, 10),
      matrix("C", 10, 10),
      matrix("D", 10, 1),
    );
    const e = evaluateChain(c, "right-to-left");
    expect(e.memory.inputs.toString()).toBe("220");
    expect(e.memory.allStored.toString()).toBe("241");
    expect(e.memory.peakLive.toString()).toBe("240");
  });
});
