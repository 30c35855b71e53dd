import { Polynomial } from "@nnkit/cost";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatExpr } from "./expr.js";
import { type MathKind, parseMath } from "./parse-math.js";
import { toPolynomial } from "./to-polynomial.js";

function parsed(input: string, symbols: readonly string[], kind: MathKind = "formula"): string {
  const result = parseMath(input, { symbols, kind });
  if (!result.ok) throw new Error(`${result.error.message} at ${result.error.position}`);
  return formatExpr(result.expr);
}

function failure(input: string, symbols: readonly string[], kind: MathKind = "formula") {
  const result = parseMath(input, { symbols, kind });
  if (result.ok) throw new Error(`expected ${input} to fail`);
  return result.error;
}

function polynomial(input: string, symbols: readonly string[] = ["m", "n"]): Polynomial {
  const result = parseMath(input, { symbols, kind: "formula" });
  if (!result.ok) throw new Error(result.error.message);
  const converted = toPolynomial(result.expr);
  if (!converted.ok) throw new Error(converted.message);
  return converted.polynomial;
}

const n = Polynomial.variable("n");
const m = Polynomial.variable("m");

describe("parseMath: implicit products", () => {
  it("reads runs of declared letters as products", () => {
    expect(parsed("3mn", ["m", "n"])).toBe("((3 * m) * n)");
    expect(parsed("3 m n", ["m", "n"])).toBe("((3 * m) * n)");
    expect(parsed("3*m*n", ["m", "n"])).toBe("((3 * m) * n)");
  });

  it("reads a name before a parenthesis as multiplication", () => {
    expect(parsed("n(2n+m)", ["m", "n"])).toBe("(n * ((2 * n) + m))");
  });

  it.each([
    ["3mn", n.mul(m).mul(3)],
    ["n(2n+m)", n.mul(n.mul(2).add(m))],
    ["2n^2 + nm", n.pow(2).mul(2).add(n.mul(m))],
    ["2(m+n+mn)", m.add(n).add(m.mul(n)).mul(2)],
    ["\\frac{n(n+1)}{2}", n.mul(n.add(1)).div(2)],
    ["n \\cdot n + 3 \\cdot n", n.pow(2).add(n.mul(3))],
    ["n² + 3n", n.pow(2).add(n.mul(3))],
    ["2*n**2 + n*m", n.pow(2).mul(2).add(n.mul(m))],
  ])("%s has the normal form computed by hand", (input, expected) => {
    expect(polynomial(input).equals(expected)).toBe(true);
  });

  it("reads O(…), \\mathcal{O}(…) and Θ(…) as big-O", () => {
    for (const input of ["O(n^2)", "\\mathcal{O}(n^2)", "Θ(n²)"]) {
      const result = parseMath(input, { symbols: ["n"], kind: "formula" });
      if (!result.ok) throw new Error(result.error.message);
      const converted = toPolynomial(result.expr);
      expect(converted.ok && converted.bigO && converted.polynomial.equals(n.pow(2))).toBe(true);
    }
  });

  it("gives every way of writing a polynomial the same normal form (property)", () => {
    const term = fc.record({
      coef: fc.integer({ min: 1, max: 9 }),
      m: fc.integer({ min: 0, max: 2 }),
      n: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 4 }), (terms) => {
        const expected = terms.reduce(
          (sum, t) => sum.add(m.pow(t.m).mul(n.pow(t.n)).mul(t.coef)),
          Polynomial.ZERO,
        );
        const power = (name: string, k: number, style: "plain" | "latex") =>
          k === 0 ? "" : k === 1 ? name : style === "plain" ? `${name}^${k}` : `${name}^{${k}}`;
        const juxtaposed = terms.map(
          (t) => `${t.coef}${power("m", t.m, "plain")}${power("n", t.n, "plain")}`,
        );
        const explicit = terms.map((t) =>
          [String(t.coef), power("m", t.m, "plain"), power("n", t.n, "plain")]
            .filter(Boolean)
            .join(" * "),
        );
        const latex = terms.map((t) =>
          [String(t.coef), power("m", t.m, "latex"), power("n", t.n, "latex")]
            .filter(Boolean)
            .join(" \\cdot "),
        );
        for (const written of [juxtaposed, explicit, latex]) {
          expect(polynomial(written.join(" + ")).equals(expected)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("parseMath: names", () => {
  it("names an unknown name, lists the expected ones, and points at it", () => {
    const error = failure("3mq + 1", ["m", "n"]);
    expect(error.message).toContain("unknown name 'mq'");
    expect(error.message).toContain("expected one of: m, n");
    expect(error.position).toBe(1);
  });

  it("points into the student's LaTeX, not into the rewritten text", () => {
    const error = failure("\\frac{n}{2} + \\bar{q}", ["n"], "tensor");
    expect(error.message).toContain("unknown name 'q_bar'");
    expect("\\frac{n}{2} + \\bar{q}".slice(error.position)).toMatch(/^q/);
  });

  it("matches LaTeX and plain spellings of the same symbols", () => {
    const symbols = ["W3", "y_bar", "z1", "h_bar", "y'", "y'_bar", "t", "g1_bar", "z2"];
    expect(parsed("W^{(3)\\top} \\bar{y}", symbols, "tensor")).toBe(
      parsed("W3^T y_bar", symbols, "tensor"),
    );
    expect(parsed("\\text{RELU}'(z_1) \\odot \\bar{h}", symbols, "tensor")).toBe(
      "(relu'(z1) ⊙ h_bar)",
    );
    expect(parsed("yp_bar", symbols, "tensor")).toBe("y'_bar");
    expect(parsed("-e_t / y'", symbols, "tensor")).toBe("(-(onehot(t)) / y')");
    expect(parsed("\\sigma'(z_2) \\odot \\bar{g}_1", symbols, "tensor")).toBe(
      "(sigmoid'(z2) ⊙ g1_bar)",
    );
    expect(parsed("I(z1 > 0) .* h_bar", symbols, "tensor")).toBe("(indicator(z1 > 0) ⊙ h_bar)");
  });

  it("treats juxtaposition, *, @ and \\cdot alike and transposes with ^T, ^\\top, .T", () => {
    const symbols = ["X", "t"];
    const expected = parsed("X^T * t", symbols, "tensor");
    for (const input of ["X^T t", "X^Tt", "X.T @ t", "X^\\top \\cdot t", "X^{T} t", "Xᵀt"]) {
      expect(parsed(input, symbols, "tensor")).toBe(expected);
    }
  });
});

describe("parseMath: kinds", () => {
  it("reads conditions, ignoring leading words", () => {
    expect(parsed("m > n", ["m", "n"], "condition")).toBe("m > n");
    expect(parsed("when m > n", ["m", "n"], "condition")).toBe("m > n");
    expect(parsed("forward is better when m \\geq n + 1", ["m", "n"], "condition")).toBe(
      "m >= (n + 1)",
    );
    expect(parsed("w_1 + w_2 = 3", ["w1", "w2"], "condition")).toBe("(w1 + w2) = 3");
  });

  it("refuses a negation it would otherwise drop", () => {
    expect(failure("not m > n", ["m", "n"], "condition").message).toContain("without 'not'");
  });

  it("refuses comparisons in formulas and formulas as conditions, pointing at the place", () => {
    expect(failure("2m > n", ["m", "n"])).toMatchObject({
      message: "expected a formula, not a comparison",
      position: 3,
    });
    expect(failure("n + [1, 2]", ["n"])).toMatchObject({
      message: "expected a formula, not a matrix",
      position: 4,
    });
    expect(failure("m + n", ["m", "n"], "condition")).toMatchObject({ position: 5 });
    expect(failure("1 < m < n", ["m", "n"], "condition")).toMatchObject({
      message: "write one comparison at a time",
      position: 6,
    });
    expect(parsed("I(m > 1) .* I(n > 1)", ["m", "n"], "tensor")).toBe(
      "(indicator(m > 1) ⊙ indicator(n > 1))",
    );
  });

  it("allows tensor functions only in tensor formulas", () => {
    expect(failure("relu(n)", ["n"]).message).toContain("unknown name 'relu'");
    expect(failure("O(n)", ["n"], "tensor").message).toContain("unknown name 'O'");
  });
});

describe("parseMath: malformed and hostile input", () => {
  it("never throws and always locates its errors inside the input (property)", () => {
    const pieces = fc.constantFrom(
      ..."mn()[]{}^_'\\+-*/.,;=<>0123456789 ".split(""),
      "\\frac",
      "\\bar",
      "\\begin{pmatrix}",
      "\\end{pmatrix}",
      "\\\\",
      "&",
      "O(",
      "relu",
      "^T",
      "²",
      "⊙",
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 30 }),
        fc.constantFrom<MathKind>("formula", "condition", "tensor"),
        (parts, kind) => {
          const input = parts.join("");
          const result = parseMath(input, { symbols: ["m", "n"], kind });
          if (!result.ok) {
            expect(result.error.position).toBeGreaterThanOrEqual(0);
            expect(result.error.position).toBeLessThanOrEqual(input.length);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it.each([
    ["(1+", "unexpected end of expression", 3],
    ["1 +* 2", "value expected", 3],
    ["2 3", "two numbers side by side", 2],
    ["n ? 1 : 2", "unexpected character '?'", 2],
    ["relu n", "'relu' is a function and must be followed by '('", 0],
    ["(x)'", "a prime (') must follow a name", 3],
    ["", "the formula is empty", 0],
  ])("%s: %s at %i", (input, message, position) => {
    const error = failure(input, ["n", "x"], "tensor");
    expect(error.message.toLowerCase()).toContain(message);
    expect(error.position).toBe(position);
  });

  it("refuses 10⁴-deep parentheses by the length and depth limits", () => {
    const deep = `${"(".repeat(10_000)}n${")".repeat(10_000)}`;
    expect(failure(deep, ["n"]).message).toContain("longer than 2000 characters");
    const shallowEnough = `${"(".repeat(900)}n${")".repeat(900)}`;
    const error = failure(shallowEnough, ["n"]);
    expect(error.message).toContain("nested deeper than 40");
    expect(error.position).toBe(40);
  });

  it("refuses huge exponents instead of expanding them", () => {
    const letters = "abcdefghijklmnopqrstuvwxyz".split("");
    const sumOfAll = `(${letters.join("+")})`;
    for (const input of ["n^(10^10)", "n^13", "(mn)^7", "10^12^12", sumOfAll.repeat(3)]) {
      const result = parseMath(input, { symbols: letters, kind: "formula" });
      if (!result.ok) throw new Error(result.error.message);
      const converted = toPolynomial(result.expr);
      expect(converted.ok, input).toBe(false);
    }
    expect(polynomial("(m+n+1)^12").degree()).toBe(12);
  });
});
