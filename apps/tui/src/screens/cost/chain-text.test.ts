import { describe, expect, it } from "vitest";
import { readChain } from "./chain-text.js";

describe("readChain", () => {
  it("reads vectors, transposes, scalars and matrices", () => {
    const read = readChain("2 v:n vᵀ");
    expect(read.ok && read.chain.toString()).toBe("2vvᵀ");
    const wide = readChain("A:n×m B:m×3 y:3 x^T:2");
    expect(wide.ok && wide.chain.toString()).toBe("AByxᵀ");
  });

  it("reads the transposes and sizes formulas use, with the one math parser", () => {
    for (const typed of ["v:n v^\\top", "v:n v'", "v:n v^{T}", "v:n vᵀ"]) {
      const read = readChain(typed);
      expect(read.ok && read.chain.toString(), typed).toBe("vvᵀ");
    }
    const square = readChain("A:nxn A^T");
    expect(square.ok && square.chain.toString()).toBe("AAᵀ");
  });

  it("points at the word that cannot be read", () => {
    expect(readChain("v:n vᵀ y:k")).toMatchObject({ ok: false, error: { position: 9 } });
    expect(readChain("v:n w")).toMatchObject({
      ok: false,
      error: { position: 4, message: expect.stringContaining("w:n") },
    });
    expect(readChain("v:n (vᵀ)")).toMatchObject({ ok: false, error: { position: 4 } });
    expect(readChain("v:n v+v")).toMatchObject({ ok: false, error: { position: 4 } });
    expect(readChain("v:n+m v")).toMatchObject({ ok: false, error: { position: 2 } });
    expect(readChain("v:n")).toMatchObject({ ok: false, error: { position: 3 } });
  });

  it("reports @nnkit/cost's shape check", () => {
    const read = readChain("v:n y:m");
    expect(read).toMatchObject({
      ok: false,
      error: { position: 0, message: expect.stringContaining("inner dimensions") },
    });
  });
});
