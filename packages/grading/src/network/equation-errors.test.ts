import { describe, expect, it } from "vitest";
import type { NetworkSpec } from "../assignment/backprop-spec.js";
import type { AssignmentSpecError } from "../assignment/spec-error.js";
import { specErrorOf } from "../fixtures/answers.js";
import { HW1_NETWORK } from "../hw1/network-spec.js";
import { compileNetwork } from "./compile-network.js";
import { EquationError } from "./equation-error.js";

const PATH = ["questions", 3, "network"];
const LINES = HW1_NETWORK.equations.split("\n");

/** The error compiling hw1's network with `patch` applied gives. */
const errorOf = (patch: Partial<NetworkSpec>): AssignmentSpecError =>
  specErrorOf(() => compileNetwork({ ...HW1_NETWORK, ...patch }, PATH));

/** hw1's equations with line `line` (1-based) replaced, or more lines added at the end. */
const withLine = (line: number, text: string) => {
  const lines = [...LINES];
  lines[line - 1] = text;
  return { equations: lines.join("\n") };
};

describe("a forward equation's mistake names its line and what is wrong", () => {
  it.each([
    [
      "a shape clash, in the instructor's size names",
      withLine(3, "z2 = W3 x + b2"),
      3,
      "W3 x: W3 is N×K = 3×4 but x has D = 3 entries",
    ],
    [
      "a sum of different shapes",
      withLine(1, "z1 = W1 x + b1 + x"),
      1,
      "W1 x + b1 + x: W1 x + b1 has K = 4 entries but x has D = 3 entries",
    ],
    [
      "a name used before its equation",
      withLine(1, "z1 = W1 z2 + b1"),
      1,
      "z2 is used before its equation (line 3)",
    ],
    ["an unknown name", withLine(1, "z1 = W4 x + b1"), 1, "unknown name 'W4'"],
    [
      "an unsupported function",
      withLine(9, "J = -sigmoid'(S)"),
      9,
      "sigmoid' is not supported in forward equations",
    ],
    [
      "a class label used as a number",
      withLine(9, "J = -S + t"),
      9,
      "t is a class label; use it as onehot(t)",
    ],
    [
      "onehot of a number",
      withLine(8, "S = sum(onehot(x) ⊙ log(y'))"),
      8,
      "onehot takes a class label input",
    ],
    [
      "softmax of a matrix",
      withLine(7, "y' = softmax(W1)"),
      7,
      "softmax needs a vector, but W1 is K×D = 4×3",
    ],
    [
      "a second equation for one name",
      { equations: `${HW1_NETWORK.equations}\nh = -J` },
      10,
      "h already has an equation (line 2)",
    ],
    [
      "an equation for a parameter",
      withLine(2, "b1 = relu(z1)"),
      2,
      "b1 is already a parameter or an input",
    ],
    ["an equation that only renames", withLine(9, "J = S"), 9, "only renames S"],
    ["a constant", withLine(9, "J = 3"), 9, "a constant"],
    [
      "prose",
      withLine(9, "and then J is minus S"),
      9,
      "write one equation per line as name = expression",
    ],
    ["a syntax error", withLine(9, "J = -(S"), 9, "cannot read the formula"],
    [
      "a non-scalar last equation",
      withLine(9, "J = -y"),
      9,
      "the output J must be a scalar (the backward pass starts from it), but J has N = 3 entries",
    ],
  ])("%s", (_, patch, line, problem) => {
    const error = errorOf(patch);
    expect(error).toBeInstanceOf(EquationError);
    expect(error.code).toBe("equation");
    expect(error.path).toEqual([...PATH, "equations"]);
    expect((error as EquationError).equationLine).toBe(line);
    expect((error as EquationError).problem).toContain(problem);
    expect(error.message).toContain(`questions[3].network.equations: line ${line}, "`);
  });

  it("points at the column of the mistake in its line", () => {
    const error = errorOf(withLine(1, "z1 = W1 z2 + b1")) as EquationError;
    expect(error.equation.slice(error.equationColumn)).toBe("z2 + b1");
  });
});

describe("mistakes outside the equations name their field", () => {
  it.each([
    [
      "an output that is not scalar",
      { output: "y" },
      ["output"],
      "the output y must be a scalar",
      "schema",
    ],
    [
      "an output without an equation",
      { output: "Q" },
      ["output"],
      "Q has no equation",
      "reference",
    ],
    [
      "an unknown size",
      { parameters: { ...HW1_NETWORK.parameters, W1: ["K", "Q"] } },
      ["parameters", "W1", 1],
      "unknown size Q",
      "reference",
    ],
    [
      "a size too large",
      { sizes: { D: 3, K: 4000, N: 3 } },
      ["sizes", "K"],
      "from 1 to 1000",
      "schema",
    ],
    [
      "a size that is not whole",
      { sizes: { D: 3, K: 2.5, N: 3 } },
      ["sizes", "K"],
      "whole number",
      "schema",
    ],
    [
      "a three-way array",
      { parameters: { ...HW1_NETWORK.parameters, W1: ["K", "D", "N"] } },
      ["parameters", "W1"],
      "at most two sizes",
      "schema",
    ],
    [
      "a bad name",
      { inputs: { "x-1": ["D"], t: { classes: "N" } } },
      ["inputs", "x-1"],
      "a variable name",
      "schema",
    ],
    [
      "an input that is also a parameter",
      { inputs: { W1: ["D"], x: ["D"], t: { classes: "N" } } },
      ["inputs", "W1"],
      "also a parameter",
      "reference",
    ],
    [
      "two class labels",
      { inputs: { x: ["D"], t: { classes: "N" }, u: { classes: "K" } } },
      ["inputs", "u"],
      "at most one class-label input",
      "schema",
    ],
    ["no equations", { equations: "\n \n" }, ["equations"], "no equations", "schema"],
  ])("%s", (_, patch, at, problem, code) => {
    const error = errorOf(patch as Partial<NetworkSpec>);
    expect(error.code).toBe(code);
    expect(error.path).toEqual([...PATH, ...at]);
    expect(error.detail).toContain(problem);
  });
});

describe("the work is bounded before anything is drawn or traced", () => {
  const square = (n: number, equations: string): NetworkSpec => ({
    equations,
    sizes: { n },
    parameters: { W: ["n", "n"], v: ["n"] },
    inputs: {},
  });

  it("refuses more equations than the limit", () => {
    const lines = Array.from(
      { length: 101 },
      (_, i) => `a${i} = ${i === 0 ? "v" : `a${i - 1}`} ⊙ v`,
    );
    const error = errorOf({ equations: lines.join("\n") });
    expect(error.detail).toContain("more than 100 equations");
  });

  it("refuses an outer product with too many entries", () => {
    const error = errorOf({
      equations: "P = v v^T\nJ = sum(P)",
      sizes: { n: 1000 },
      parameters: { v: ["n"] },
      inputs: {},
    });
    expect(error.detail).toContain("v v^T would have 1000000 entries (at most 100000)");
  });

  it("refuses a forward pass with too many multiplications", () => {
    const error = errorOf(square(300, "A = W W\nB = W A\nJ = sum(B)") as never);
    expect(error.detail).toContain("more than 10000000 multiplications");
  });

  it("compiles the same network within the bounds", () => {
    expect(compileNetwork(square(30, "A = W W\nB = W A\nJ = v^T B v"), PATH).output).toBe("J");
  });
});
