import { describe, expect, test } from "vitest";
import { identityMapped } from "./mapped-text.js";
import { tokenize } from "./tokenize.js";

const lex = (text: string, logic = false) => {
  const result = tokenize(identityMapped(text), text, { logic });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.map((t) => [t.type, "text" in t ? t.text : "", t.at, t.end]);
};

describe("tokenize", () => {
  test("Unicode operators read as their plain spellings, located where they were typed", () => {
    expect(lex("x1 ≤ 2·y − 1")).toEqual([
      ["name", "x1", 0, 2],
      ["operator", "<=", 3, 4],
      ["number", "2", 5, 6],
      ["operator", "*", 6, 7],
      ["name", "y", 7, 8],
      ["operator", "-", 9, 10],
      ["number", "1", 11, 12],
    ]);
  });

  test("braces and connectives only when asked for", () => {
    expect(lex("x4 in {x1} && !(x1 != x2) || a", true)).toEqual([
      ["name", "x4", 0, 2],
      ["name", "in", 3, 5],
      ["brace", "{", 6, 7],
      ["name", "x1", 7, 9],
      ["brace", "}", 9, 10],
      ["logic", "&&", 11, 13],
      ["logic", "!", 14, 15],
      ["open", "(", 15, 16],
      ["name", "x1", 16, 18],
      ["operator", "!=", 19, 21],
      ["name", "x2", 22, 24],
      ["close", ")", 24, 25],
      ["logic", "||", 26, 28],
      ["name", "a", 29, 30],
    ]);
    const formula = tokenize(identityMapped("a && b"), "a && b");
    expect(formula.ok).toBe(false);
    if (!formula.ok) expect(formula.error).toMatchObject({ code: "character", position: 2 });
  });
});
