import { describe, expect, it } from "vitest";
import { originOf } from "./mapped-text.js";
import { toPlain } from "./to-plain.js";

function plain(input: string): string {
  const result = toPlain(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.text.replace(/\s+/g, " ").trim();
}

describe("toPlain", () => {
  it("leaves plain syntax alone", () => {
    expect(plain("n(2n+m)")).toBe("n(2n+m)");
    expect(plain("W3^T y_bar")).toBe("W3^T y_bar");
  });

  it.each([
    ["\\frac{n(n+1)}{2}", "((n(n+1))/(2))"],
    ["\\mathcal{O}(n^2)", "O(n^2)"],
    ["W^{(3)\\top}", "W3^T"],
    ["W^{(1)T}", "W1^T"],
    ["(W^{(2)})^T", "(W2)^T"],
    ["x^{T}", "x^T"],
    ["x^\\top", "x^T"],
    ["A^{-1}", "A^(-1)"],
    ["\\bar{z}_1", "z_1_bar"],
    ["\\bar{z_1}", "z_1_bar"],
    ["\\overline{x}", "x_bar"],
    ["\\bar{\\mathbf{y}}'", "y'_bar"],
    ["\\bar{\\mathcal{J}}", "J_bar"],
    ["a \\cdot b", "a * b"],
    ["a \\odot b", "a .* b"],
    ["\\text{ReLU}'(z)", "ReLU'(z)"],
    ["\\operatorname{softmax}(y)", "softmax(y)"],
    ["m \\geq n + 1", "m >= n + 1"],
    ["Θ(n²)", "O(n^2)"],
    ["a ⊙ b", "a .* b"],
    ["\\hat{w}", "w"],
    ["$x$", "x"],
  ])("%s → %s", (latex, expected) => {
    expect(plain(latex)).toBe(expected);
  });

  it("writes matrices as nested lists", () => {
    expect(plain("2\\begin{pmatrix}-1&0\\\\0&1\\end{pmatrix}")).toBe("2[[-1, 0], [0, 1]]");
    expect(plain("\\begin{bmatrix} 1 \\\\ 2 \\\\ \\end{bmatrix}")).toBe("[[ 1 ], [ 2 ]]");
  });

  it.each([
    ["\\left[\\begin{matrix} 6 \\\\ 12 \\\\ 18 \\end{matrix}\\right]", "[[ 6 ], [ 12 ], [ 18 ]]"],
    ["\\left(\\begin{array}{ccc}1&2&3\\end{array}\\right)", "[[1, 2, 3]]"],
    ["\\begin{array}{c|c}1&2\\\\3&4\\end{array}", "[[1, 2], [3, 4]]"],
    [
      "\\left[ \\left( \\begin{smallmatrix}1\\\\2\\end{smallmatrix} \\right) \\right]",
      "[[1], [2]]",
    ],
    ["\\left\\{\\begin{Bmatrix}1&2\\end{Bmatrix}\\right\\}", "[[1, 2]]"],
    ["\\left.\\begin{bmatrix}1\\end{bmatrix}\\right.", "[[1]]"],
    ["2\\left[\\begin{pmatrix}1\\end{pmatrix}\\right] + \\left(n\\right)", "2[[1]] + (n)"],
  ])("writes the matrix spelling %s as one matrix: %s", (latex, expected) => {
    expect(plain(latex)).toBe(expected);
  });

  it("keeps the original offset of every produced character", () => {
    const input = "\\frac{a}{b}";
    const result = toPlain(input);
    if (!result.ok) throw new Error("expected success");
    const { text } = result.value;
    expect(input[originOf(result.value, text.indexOf("a"))]).toBe("a");
    expect(input[originOf(result.value, text.indexOf("b"))]).toBe("b");
  });

  it.each([
    ["\\sum_k x", "unsupported LaTeX command \\sum", 0],
    ["x + \\frac{1}", "\\frac needs a braced argument", 4],
    ["{a", "unmatched '{'", 0],
    ["a}", "unmatched '}'", 1],
    ["\\begin{cases}1\\end{cases}", "unsupported environment cases", 0],
    ["\\begin{pmatrix}1", "missing \\end{pmatrix}", 0],
  ])("reports %s at its position", (input, message, position) => {
    const result = toPlain(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(message);
    expect(result.error.position).toBe(position);
  });

  it("refuses deep nesting without recursing into it", () => {
    const result = toPlain(`${"{".repeat(1000)}x${"}".repeat(1000)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain("nesting deeper than 40");
  });
});
