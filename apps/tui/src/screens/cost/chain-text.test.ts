import { describe, expect, it } from "vitest";
import { readChain } from "./chain-text.js";

// How chains are read is @nnkit/grading's (read-chain.test.ts); here: the screen's sizes, and a
// mistake as the field's error.
describe("readChain", () => {
  it("reads a typed chain in the screen's sizes", () => {
    const read = readChain("2 v:n vᵀ");
    expect(read.ok && read.chain.toString()).toBe("2vvᵀ");
    const both = readChain("v:n vᵀ y1:n y2ᵀ:m");
    expect(both.ok && both.chain.toString()).toBe("vvᵀy1y2ᵀ");
  });

  it("accepts only the sizes the screen can change", () => {
    expect(readChain("v:n vᵀ y:k")).toEqual({
      ok: false,
      error: { position: 9, message: "sizes are n, m or whole numbers: v:n or A:n×m" },
    });
  });

  it("gives the reader's mistakes as the field's error, at their position", () => {
    expect(readChain("v:n w")).toEqual({
      ok: false,
      error: { position: 4, message: "give w's size the first time it appears, e.g. w:n" },
    });
    expect(readChain("v:n y:m")).toMatchObject({
      ok: false,
      error: { position: 0, message: expect.stringContaining("inner dimensions") },
    });
  });
});
