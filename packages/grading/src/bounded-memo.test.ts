import { describe, expect, it } from "vitest";
import { rememberBounded } from "./bounded-memo.js";

describe("rememberBounded", () => {
  it("keeps at most `capacity` entries, dropping the oldest first", () => {
    const map = new Map<string, number>();
    for (const [i, key] of ["a", "b", "c", "d"].entries()) rememberBounded(map, key, i, 3);
    expect([...map]).toEqual([
      ["b", 1],
      ["c", 2],
      ["d", 3],
    ]);
  });

  it("replaces a key it holds without dropping another", () => {
    const map = new Map([
      ["a", 0],
      ["b", 1],
    ]);
    rememberBounded(map, "a", 9, 2);
    expect([...map]).toEqual([
      ["a", 9],
      ["b", 1],
    ]);
  });
});
