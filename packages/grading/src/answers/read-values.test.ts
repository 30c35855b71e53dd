import { describe, expect, it } from "vitest";
import type { AnswerValue } from "./answer-value.js";
import { readNumeric, readYesNo } from "./read-values.js";

const text = (value: string): AnswerValue => ({ type: "string", value });
const list = (...items: AnswerValue[]): AnswerValue => ({ type: "list", items });
const num = (value: number): AnswerValue => ({ type: "number", value });

function numeric(value: AnswerValue) {
  const result = readNumeric(value, "H");
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe("readNumeric", () => {
  it("reads numbers, fractions and decimals", () => {
    expect(numeric(num(3))).toEqual({ shape: [], data: [3] });
    expect(numeric(text("1/2"))).toEqual({ shape: [], data: [0.5] });
    expect(numeric(text("-2.25"))).toEqual({ shape: [], data: [-2.25] });
    expect(numeric(text("\\frac{3}{4}"))).toEqual({ shape: [], data: [0.75] });
  });

  it("reads lists and lists of rows, entries may be fractions", () => {
    expect(numeric(list(num(1), text("1/2")))).toEqual({ shape: [2], data: [1, 0.5] });
    expect(numeric(list(list(num(1), num(2)), list(num(3), num(4))))).toEqual({
      shape: [2, 2],
      data: [1, 2, 3, 4],
    });
  });

  it("reads a scalar times a LaTeX matrix", () => {
    expect(numeric(text("2\\begin{pmatrix}-1&0&0&1\\\\0&-1&0&1\\end{pmatrix}"))).toEqual({
      shape: [2, 4],
      data: [-2, 0, 0, 2, 0, -2, 0, 2],
    });
    expect(numeric(text("-2\\begin{pmatrix}1&1&1\\end{pmatrix}"))).toEqual({
      shape: [1, 3],
      data: [-2, -2, -2],
    });
    expect(numeric(text("[[1, 2], [3, 4]]^T"))).toEqual({ shape: [2, 2], data: [1, 3, 2, 4] });
  });

  it.each([
    [list(num(1), list(num(2))), "the rows have different lengths"],
    [text("x + 1"), "unknown name 'x'"],
    [text("1/0"), "must be finite"],
    [{ type: "boolean", value: true } as AnswerValue, "must be a number, a list or a matrix"],
    [list(), "empty list"],
    [
      list(
        ...Array.from({ length: 101 }, () => list(...Array.from({ length: 100 }, () => num(0)))),
      ),
      "more than 10000 entries",
    ],
  ])("refuses %j", (value, message) => {
    const result = readNumeric(value, "H");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it("refuses a 10⁶-entry list before reading its entries", () => {
    const huge: AnswerValue = { type: "list", items: new Array(1_000_000).fill(num(0)) };
    const result = readNumeric(huge, "H");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("more than 10000 entries");
  });
});

describe("readYesNo", () => {
  it("reads booleans and yes/no words", () => {
    expect(readYesNo({ type: "boolean", value: false }, "u")).toEqual({ ok: true, value: false });
    expect(readYesNo(text(" Yes "), "u")).toEqual({ ok: true, value: true });
    expect(readYesNo(text("maybe"), "u").ok).toBe(false);
  });
});
