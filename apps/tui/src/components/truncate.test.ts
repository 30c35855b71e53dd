import { describe, expect, it } from "vitest";
import { cellWidth, fitCells, padCells, truncate, wrapCells } from "./truncate.js";

describe("text by terminal cells", () => {
  it("counts CJK characters and emoji as two cells, combining marks as none", () => {
    expect(cellWidth("abc")).toBe(3);
    expect(cellWidth("日本")).toBe(4);
    expect(cellWidth("👍")).toBe(2);
    expect(cellWidth("e\u0301")).toBe(1);
  });

  it("cuts a line to the cells it may take, never splitting a wide character", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abcd", 4)).toBe("abcd");
    // 日本語 is 6 cells; in 4 cells one wide character and the ellipsis fit (3 cells).
    expect(truncate("日本語", 4)).toBe("日…");
    expect(cellWidth(truncate("日本語テキスト", 9))).toBeLessThanOrEqual(9);
    expect(truncate("👍👍👍", 5)).toBe("👍👍…");
  });

  it("pads to a width in cells", () => {
    expect(padCells("日本", 6)).toBe("日本  ");
    expect(cellWidth(fitCells("日本語テキスト", 7))).toBe(7);
    expect(fitCells("ab", 4)).toBe("ab  ");
  });
});

describe("wrapCells", () => {
  it("breaks at spaces into lines of at most the width", () => {
    expect(wrapCells("aaa bbb ccc", 7)).toEqual(["aaa bbb", "ccc"]);
    expect(wrapCells("a\nb", 5)).toEqual(["a", "b"]);
    expect(wrapCells("abcdefgh", 3)).toEqual(["abc", "def", "gh"]);
    for (const line of wrapCells("日本語 テキスト 日本語テキスト", 5)) {
      expect(cellWidth(line)).toBeLessThanOrEqual(5);
    }
  });
});
