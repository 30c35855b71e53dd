import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { symbolResolver } from "./names.js";
import { formatMath, type MathNode } from "./node.js";
import { parseMath } from "./parse.js";

function tree(input: string, symbols?: readonly string[]): MathNode {
  const result = parseMath(input, { names: symbolResolver(symbols, { exp: "exp" }) });
  if (!result.ok) throw new Error(`${result.error.message} at ${result.error.position}`);
  return result.node;
}

const text = (input: string, symbols?: readonly string[]) => formatMath(tree(input, symbols));

function failure(input: string, symbols?: readonly string[]) {
  const result = parseMath(input, { names: symbolResolver(symbols) });
  if (result.ok) throw new Error(`expected ${input} to fail`);
  return result.error;
}

describe("parseMath: precedence", () => {
  it.each([
    ["1 + 2 * 3", "(1 + (2 * 3))"],
    ["1 - 2 - 3", "((1 - 2) - 3)"],
    ["2^3^2", "(2 ^ (3 ^ 2))"],
    ["-2^2", "-((2 ^ 2))"],
    ["2^-1", "(2 ^ -(1))"],
    ["a/b c", "((a / b) * c)"],
    ["a .* b ./ c", "((a ⊙ b) ⊘ c)"],
    ["x^T y", "((x)^T * y)"],
    ["(a + b)(a - b)", "((a + b) * (a - b))"],
    ["a + b >= 2c", "(a + b) >= (2 * c)"],
    ["[1, 2; 3, 4]", "[[1, 2], [3, 4]]"],
    ["\\frac{1}{2} n", "((1 / 2) * n)"],
  ])("%s is %s", (input, expected) => {
    expect(text(input)).toBe(expected);
  });
});

describe("parseMath: names", () => {
  it("splits runs of declared symbols into products, the one rule for every caller", () => {
    expect(text("3mn", ["m", "n"])).toBe("((3 * m) * n)");
    expect(text("2n^2 + nm", ["m", "n"])).toBe("((2 * (n ^ 2)) + (n * m))");
  });

  it("keeps an undeclared run as one name when no symbols are declared", () => {
    expect(text("3mn")).toBe("(3 * mn)");
  });

  it("names an unknown name with what it expected", () => {
    const error = failure("3mq + 1", ["m", "n"]);
    expect(error).toMatchObject({ code: "name", position: 1 });
    expect(error.message).toContain("expected one of: m, n");
  });

  it("reads functions from the caller's table", () => {
    expect(text("exp(-z)", ["z"])).toBe("exp(-(z))");
  });
});

describe("parseMath: positions", () => {
  it("gives every node the span of what was typed", () => {
    const input = "2n + (m - 1)";
    const root = tree(input, ["m", "n"]);
    if (root.kind !== "binary") throw new Error("expected a sum");
    expect(input.slice(root.start, root.end)).toBe(input);
    expect(input.slice(root.left.start, root.left.end)).toBe("2n");
    expect(input.slice(root.right.start, root.right.end)).toBe("(m - 1)");
  });

  it("points into LaTeX, not into its rewriting", () => {
    const input = "\\frac{a}{b} + c";
    const root = tree(input);
    if (root.kind !== "binary" || root.right.kind !== "symbol") throw new Error("expected a sum");
    expect(input.slice(root.right.start, root.right.end)).toBe("c");
  });

  it("keeps every span inside the input (property)", () => {
    const pieces = fc.constantFrom(..."mn+-*/^()[],;0123 ".split(""), "\\frac{m}{n}", "^T", "²");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const input = parts.join("");
        const result = parseMath(input, { names: symbolResolver(["m", "n"]) });
        const check = (node: MathNode): void => {
          expect(node.start).toBeGreaterThanOrEqual(0);
          expect(node.end).toBeLessThanOrEqual(input.length);
          expect(node.start).toBeLessThanOrEqual(node.end);
          for (const child of Object.values(node)) {
            if (Array.isArray(child)) child.forEach(check);
            else if (typeof child === "object" && child !== null && "kind" in child) check(child);
          }
        };
        if (result.ok) check(result.node);
        else expect(result.error.position).toBeLessThanOrEqual(input.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe("parseMath: malformed and hostile input", () => {
  it.each([
    ["(1+", "cannot read the formula: unexpected end of expression", 3],
    ["1 +* 2", "cannot read the formula: value expected", 3],
    ["(1, 2)", "cannot read the formula: parenthesis ) expected", 2],
    ["[1, 2", "cannot read the formula: end of matrix ] expected", 5],
    ["[1, 2; 3]", "cannot read the formula: column dimensions mismatch (1 !== 2)", 9],
    ["1 )", "cannot read the formula: unexpected operator )", 2],
    ["a < b < c", "unsupported syntax", 0],
    ["", "the formula is empty", 0],
  ])("%s: %s at %i", (input, message, position) => {
    expect(failure(input)).toMatchObject({ message, position });
  });

  it("refuses 10⁴-deep input by length, and deep nesting with a code, without recursing", () => {
    const deep = `${"(".repeat(10_000)}n${")".repeat(10_000)}`;
    expect(failure(deep).code).toBe("too-long");
    const allowed = parseMath(deep, { maxLength: 30_000 });
    expect(allowed.ok ? undefined : allowed.error.code).toBe("too-deep");
    const minus = parseMath(`${"-".repeat(10_000)}n`, { maxLength: 30_000 });
    expect(minus.ok ? undefined : minus.error.code).toBe("too-deep");
    const power = parseMath(`2${"^2".repeat(5_000)}`, { maxLength: 30_000 });
    expect(power.ok ? undefined : power.error.code).toBe("too-deep");
    const latex = parseMath(`${"{".repeat(10_000)}x${"}".repeat(10_000)}`, { maxLength: 30_000 });
    expect(latex.ok ? undefined : latex.error.code).toBe("too-deep");
  });
});
