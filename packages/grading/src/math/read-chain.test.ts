import { describe, expect, it } from "vitest";
import {
  type ChainRead,
  describeChainError,
  type FactorSize,
  readChain,
  readSizedChain,
} from "./read-chain.js";

const text = (read: ChainRead) =>
  read.ok ? read.chain.toString() : describeChainError(read.error);
const sizes = new Map<string, FactorSize>([
  ["v", ["n", 1]],
  ["y1", ["n", 1]],
  ["y2", ["m", 1]],
  ["c", "scalar"],
]);

describe("readChain (sizes given beside the chain)", () => {
  it("reads products with or without spaces, numbers and scalars, every transpose spelling", () => {
    expect(text(readChain("vvᵀy1y2ᵀ", sizes))).toBe("vvᵀy1y2ᵀ");
    expect(text(readChain("2 v v^T", sizes))).toBe("2vvᵀ");
    for (const written of ["v v^\\top", "v v'", "v v^{T}", "v vᵀ"]) {
      expect(text(readChain(written, sizes)), written).toBe("vvᵀ");
    }
    const scaled = readChain("c v v^T", sizes);
    expect(scaled.ok && scaled.chain.factors.map((f) => f.kind)).toEqual([
      "scalar",
      "matrix",
      "matrix",
    ]);
  });

  it("says what is wrong and where", () => {
    expect(readChain("v + v", sizes)).toMatchObject({ ok: false, error: { kind: "not-a-factor" } });
    expect(readChain("v c^T", sizes)).toMatchObject({
      ok: false,
      error: { kind: "scalar-transpose", name: "c", position: 2 },
    });
    expect(readChain("v", sizes).ok).toBe(true);
    expect(readChain("v", sizes, { minFactors: 2 })).toMatchObject({
      ok: false,
      error: { kind: "too-few-factors" },
    });
    expect(readChain("v y1", sizes)).toMatchObject({
      ok: false,
      error: { kind: "sizes-do-not-fit", message: expect.stringContaining("inner dimensions") },
    });
    expect(readChain("v v^T ".repeat(5), sizes)).toMatchObject({
      ok: false,
      error: { kind: "too-many-factors" },
    });
  });
});

describe("readSizedChain (sizes written in the chain)", () => {
  it("reads vectors, transposes, scalars and matrices", () => {
    expect(text(readSizedChain("2 v:n vᵀ"))).toBe("2vvᵀ");
    expect(text(readSizedChain("A:n×m B:m×3 y:3 x^T:2"))).toBe("AByxᵀ");
    expect(text(readSizedChain("A:nxn A^T"))).toBe("AAᵀ");
    expect(text(readSizedChain("v:n (vᵀ)"))).toBe("vvᵀ");
    const read = readSizedChain("v:n vᵀ y1:n y2ᵀ:m");
    expect(read.ok && [...read.chain.variables].sort()).toEqual(["m", "n"]);
  });

  it("points at the word that cannot be read", () => {
    const at = (typed: string, options = {}) => {
      const read = readSizedChain(typed, options);
      return read.ok ? undefined : { kind: read.error.kind, position: read.error.position };
    };
    expect(at("v:n vᵀ y:k", { sizeNames: ["n", "m"] })).toEqual({ kind: "bad-size", position: 9 });
    expect(at("v:n w")).toEqual({ kind: "size-missing", position: 4 });
    expect(at("v:n v+v")).toEqual({ kind: "not-a-factor", position: 5 });
    expect(at("v:n+m v")).toEqual({ kind: "bad-size", position: 2 });
    expect(at("v:n")).toEqual({ kind: "too-few-factors", position: 3 });
    expect(at("v:n v:m")).toEqual({ kind: "size-conflict", position: 4 });
    expect(at("v:n y:m")).toEqual({ kind: "sizes-do-not-fit", position: 0 });
    const missing = readSizedChain("v:n w");
    expect(missing.ok || describeChainError(missing.error)).toContain("w:n");
  });
});
