import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { editLine, lineAt } from "./line-edit.js";

const none: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

describe("editLine", () => {
  it("inserts at the caret and moves it", () => {
    let line = lineAt("n2");
    line = editLine(line, "", { ...none, leftArrow: true });
    line = editLine(line, "^", none);
    expect(line).toEqual({ text: "n^2", cursor: 2 });
  });

  it("deletes before the caret with Backspace (sent as DEL) and stops at the start", () => {
    let line = { text: "ab", cursor: 1 };
    line = editLine(line, "", { ...none, delete: true });
    expect(line).toEqual({ text: "b", cursor: 0 });
    expect(editLine(line, "", { ...none, backspace: true })).toEqual(line);
  });

  it("jumps to the ends and clears to the start", () => {
    const line = { text: "2nm", cursor: 1 };
    expect(editLine(line, "a", { ...none, ctrl: true })).toEqual({ text: "2nm", cursor: 0 });
    expect(editLine(line, "", { ...none, end: true })).toEqual({ text: "2nm", cursor: 3 });
    expect(editLine(line, "u", { ...none, ctrl: true })).toEqual({ text: "nm", cursor: 0 });
  });

  it("ignores keys that do not edit, and flattens pasted newlines", () => {
    const line = lineAt("x");
    expect(editLine(line, "\r", { ...none, return: true })).toBe(line);
    expect(editLine(line, "", { ...none, upArrow: true })).toBe(line);
    expect(editLine(line, "a\nb", none)).toEqual({ text: "xa b", cursor: 4 });
  });
});
