import { describe, expect, it } from "vitest";
import { chain } from "./chain.js";
import { cheapestOrder } from "./cheapest.js";
import { CostError } from "./errors.js";
import { evaluateChain } from "./evaluate-chain.js";
import { matrix, scalar, transpose, vector } from "./factor.js";
import { vectorHessianProduct } from "./fixtures/homework-chains.js";
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
  const v = vector("v", "n");
  const y2 = vector("y2", "m");

  it("names both factors when inner dimensions differ", () => {
    const error = thrown(() => chain(transpose(v), transpose(y2)));
    expect(error.code).toBe("shape");
    expect(error.message).toBe("chain: inner dimensions of vᵀ (1×n) and y2ᵀ (1×m) differ: n ≠ 1");
  });

  it("refuses negative, fractional and non-finite sizes", () => {
    expect(thrown(() => matrix("A", -1, 2)).message).toBe(
      "matrix: rows of A is -1, not a non-negative integer",
    );
    expect(thrown(() => matrix("A", 2, 1.5)).code).toBe("size");
    expect(thrown(() => vector("x", Number.POSITIVE_INFINITY)).code).toBe("size");
  });

  it("refuses unknown variables when sizes are evaluated", () => {
    const error = thrown(() => vectorHessianProduct.at({ m: 3 }));
    expect(error.code).toBe("variable");
    expect(error.message).toMatch(/no value for variable "n"/);
  });

  it("refuses a region over variables the chain does not have", () => {
    const error = thrown(() => cheapestOrder(vectorHessianProduct, Region.of("m > n")));
    expect(error.code).toBe("variable");
    expect(error.message).toBe(
      "cheapestOrder: the region uses unknown variable m; the sizes are n",
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
    const numeric = vectorHessianProduct.at({ n: 7 });
    expect(evaluateChain(numeric, "right-to-left").multiplications.toString()).toBe("14");
  });
});

describe("orders", () => {
  const c = vectorHessianProduct;

  it("builds left-to-right and right-to-left trees", () => {
    expect(leftToRight(4)).toEqual([[[0, 1], 2], 3]);
    expect(rightToLeft(4)).toEqual([0, [1, [2, 3]]]);
    expect(formatOrder(c, rightToLeft(3))).toBe("v(vᵀy)");
  });

  it("parses written orders, with ^T for ᵀ", () => {
    expect(parseOrder(c, "v (v^T y)")).toEqual([0, [1, 2]]);
    expect(evaluateChain(c, { text: "(vvᵀ)y" }).multiplications.toString()).toBe("2n²");
  });

  it("names the problem with a bad order", () => {
    expect(thrown(() => parseOrder(c, "vvᵀy")).message).toMatch(/more than two parts/);
    expect(thrown(() => parseOrder(c, "v(yvᵀ)")).message).toMatch(/expected vᵀ at position 2/);
    expect(thrown(() => parseOrder(c, "v(vᵀ")).code).toBe("order");
    expect(thrown(() => evaluateChain(c, [[0, 2], 1])).message).toMatch(
      /factor 2 appears where factor 1 \(vᵀ\) belongs/,
    );
    expect(thrown(() => evaluateChain(c, [0, 1])).message).toMatch(/covers 2 of 3 factors/);
  });
});

describe("memory conventions", () => {
  const reverse = evaluateChain(vectorHessianProduct, "right-to-left");

  it("counts every stored value, intermediates only, or the peak alive", () => {
    expect(reverse.memory.allStored.toString()).toBe("3n + 1");
    expect(reverse.memory.intermediates.toString()).toBe("1");
    expect(reverse.memory.peakLive.toString()).toBe("3n + 1");
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
