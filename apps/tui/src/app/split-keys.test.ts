import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { splitKeys } from "./split-keys.js";

const none = { return: false, tab: false, ctrl: false, meta: false, delete: false } as Key;

describe("splitKeys", () => {
  it("leaves single keys and escape sequences alone", () => {
    expect(splitKeys("q", none)).toEqual([{ input: "q", key: none }]);
    expect(splitKeys("\u001B[A", { ...none, upArrow: true })).toHaveLength(1);
  });

  it("splits a chunk into one key per character, Enter, Tab and Backspace included", () => {
    expect(splitKeys("qg", none).map((e) => e.input)).toEqual(["q", "g"]);
    expect(splitKeys("n\rs", none).map((e) => [e.input, e.key.return])).toEqual([
      ["n", false],
      ["\r", true],
      ["s", false],
    ]);
    expect(splitKeys("\tα\u007F", none).map((e) => [e.input, e.key.tab, e.key.delete])).toEqual([
      ["\t", true, false],
      ["α", false, false],
      ["", false, true],
    ]);
  });
});
