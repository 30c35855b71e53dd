import { Polynomial } from "@nnkit/cost";
import { tensor } from "@nnkit/tensor";
import { describe, expect, it } from "vitest";
import { gradeAnswerText } from "../grade/grade-answer.js";
import { evaluateConstant } from "./constant.js";
import { evaluateTensor } from "./evaluate-tensor.js";
import { formatExpr } from "./expr.js";
import { type ParseMathOptions, parseMath } from "./parse-math.js";
import { toPolynomial } from "./to-polynomial.js";

// The notation classes of issue 11 §4 that correct answers use; expected values by hand.
function constant(input: string) {
  const parsed = parseMath(input, { symbols: [], kind: "tensor" });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const value = evaluateConstant(parsed.expr);
  if (!value.ok) throw new Error(value.message);
  return value.value;
}

describe("matrix spellings", () => {
  it("reads \\left[\\begin{matrix} 6 \\\\ 12 \\\\ 18 \\end{matrix}\\right] as the 3×1 column", () => {
    expect(constant("\\left[\\begin{matrix} 6 \\\\ 12 \\\\ 18 \\end{matrix}\\right]")).toEqual({
      shape: [3, 1],
      data: [6, 12, 18],
    });
  });

  it("reads \\left(\\begin{array}{ccc}1&2&3\\end{array}\\right) as the 1×3 row", () => {
    expect(constant("\\left(\\begin{array}{ccc}1&2&3\\end{array}\\right)")).toEqual({
      shape: [1, 3],
      data: [1, 2, 3],
    });
  });

  it.each([
    "\\begin{matrix}1&2\\\\3&4\\end{matrix}",
    "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}",
    "\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}",
    "\\begin{Bmatrix}1&2\\\\3&4\\end{Bmatrix}",
    "\\begin{smallmatrix}1&2\\\\3&4\\end{smallmatrix}",
    "\\begin{array}{c|c}1&2\\\\3&4\\end{array}",
    "\\left[\\begin{matrix}1&2\\\\3&4\\end{matrix}\\right]",
    "\\left(\\begin{matrix}1&2\\\\3&4\\end{matrix}\\right)",
    "\\left\\{\\begin{matrix}1&2\\\\3&4\\end{matrix}\\right\\}",
    "\\left[\\left(\\begin{array}{cc}1&2\\\\3&4\\end{array}\\right)\\right]",
    "[[1, 2], [3, 4]]",
    "[1, 2; 3, 4]",
  ])("reads %s as [[1, 2], [3, 4]]", (input) => {
    expect(constant(input)).toEqual({ shape: [2, 2], data: [1, 2, 3, 4] });
  });

  it("still refuses a determinant (vmatrix) rather than reading it as a matrix", () => {
    const parsed = parseMath("\\begin{vmatrix}1&2\\\\3&4\\end{vmatrix}", {
      symbols: [],
      kind: "tensor",
    });
    expect(parsed.ok).toBe(false);
  });
});

describe("elementwise powers and quotients of vectors", () => {
  const column = (...values: number[]) => tensor(values, { shape: [values.length, 1] });
  const symbols = ["g1_bar", "z2", "u"];
  const values = new Map([
    ["g1_bar", column(2, 4)],
    ["z2", column(0, Math.log(3))],
    ["u", column(2, 3)],
  ]);
  function value(input: string): number[] {
    const parsed = parseMath(input, { symbols, kind: "tensor" });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const result = evaluateTensor(parsed.expr, { values });
    if (!result.ok) throw new Error(result.message);
    return [...result.value.toTypedArray()];
  }

  it("evaluates ḡ₁ ⊙ exp(−z₂)/(1 + exp(−z₂))² entry by entry", () => {
    // z = 0: 1/(1+1)² = 1/4, times 2 is 1/2; z = ln 3: (1/3)/(4/3)² = 3/16, times 4 is 3/4.
    const result = value("\\bar{g}_1 \\odot \\frac{\\exp(-z_2)}{(1+\\exp(-z_2))^2}");
    expect(result[0]).toBeCloseTo(0.5, 12);
    expect(result[1]).toBeCloseTo(0.75, 12);
  });

  it("raises a vector to a number or a same-shape vector, and divides by either", () => {
    expect(value("u^2")).toEqual([4, 9]);
    expect(value("u^u")).toEqual([4, 27]);
    expect(value("u^{-1}")).toEqual([0.5, 1 / 3]);
    expect(value("u / 2")).toEqual([1, 1.5]);
    expect(value("\\frac{g1_bar}{u}")).toEqual([1, 4 / 3]);
  });

  it("keeps refusing a matrix to a power other than -1, and a ragged exponent", () => {
    const parsed = parseMath("[1, 2; 3, 4]^2", { symbols: [], kind: "tensor" });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const result = evaluateTensor(parsed.expr, { values });
    expect(result.ok ? "" : result.message).toContain("only ^T and ^{-1} apply to a matrix");
    expect(() => value("u^[1, 2, 3]")).toThrow();
  });
});

describe("words for math", () => {
  const n = Polynomial.variable("n");
  function cost(input: string): Polynomial {
    const parsed = parseMath(input, { symbols: ["n", "m"], kind: "formula" });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const converted = toPolynomial(parsed.expr);
    if (!converted.ok) throw new Error(converted.message);
    return converted.polynomial;
  }

  it("reads 'n squared' and 'n cubed' as powers", () => {
    expect(cost("n squared").equals(n.pow(2))).toBe(true);
    expect(cost("2 n squared + n").equals(n.pow(2).mul(2).add(n))).toBe(true);
    expect(cost("n cubed").equals(n.pow(3))).toBe(true);
    expect(cost("(n+1) squared").equals(n.add(1).pow(2))).toBe(true);
  });

  const condition: ParseMathOptions = {
    symbols: ["m", "n"],
    kind: "condition",
    shapes: { Z: ["n", "m"] },
  };
  const read = (input: string) => {
    const parsed = parseMath(input, condition);
    return parsed.ok ? formatExpr(parsed.expr) : `error: ${parsed.error.message}`;
  };

  it.each([
    ["when Z is wide", "m > n"],
    ["Z is tall", "n > m"],
    ["when Z is square", "n = m"],
    ["n<m, i.e. when Z is wide", "n < m"],
    ["when Z is wide, i.e. m > n", "m > n"],
    ["forward is better when m > n, that is when Z is wide.", "m > n"],
    ["m > n, because the first product is then small", "m > n"],
    ["m > n.", "m > n"],
  ])("reads %j as %s", (input, expected) => {
    expect(read(input)).toBe(expected);
  });

  it("refuses prose that contradicts the condition, pointing at it", () => {
    const parsed = parseMath("m < n, i.e. when Z is wide", condition);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.message).toContain("this says m > n, but the answer before says n > m");
      expect(parsed.error.position).toBe("m < n, i.e.".length);
    }
  });

  it("does not know 'wide' for a matrix the question does not name", () => {
    expect(read("when Y is wide")).toMatch(/^error: /);
    expect(parseMath("when Z is wide", { symbols: ["m", "n"], kind: "condition" }).ok).toBe(false);
  });
});

describe("homework 1, 2.4, graded with the words around the condition", () => {
  it.each(["when Z is wide", "n<m, i.e. when Z is wide", "forward mode is better when m > n."])(
    "gives %j full marks for the condition",
    (condition) => {
      const text = `assignment: hw1\nstudent: {id: s1, name: A}\nanswers:\n  q2.4:\n    forward_better_when: "${condition}"\n`;
      const q24 = gradeAnswerText(text).questions.find((q) => q.id === "q2.4");
      expect(q24?.feedback).toMatch(/forward mode is better when: correct/);
    },
  );

  it("refuses the wrong side, 'when Z is tall', with the point where it fails", () => {
    const text = `assignment: hw1\nstudent: {id: s1, name: A}\nanswers:\n  q2.4:\n    forward_better_when: "when Z is tall"\n`;
    const q24 = gradeAnswerText(text).questions.find((q) => q.id === "q2.4");
    expect(q24?.feedback).toMatch(/forward mode is better when: at .* your condition/);
  });
});
