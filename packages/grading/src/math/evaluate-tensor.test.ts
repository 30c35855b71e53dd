import { add, allclose, matmul, type Tensor, tensor } from "@nnkit/tensor";
import { describe, expect, it } from "vitest";
import { evaluateTensor, type TensorEnvironment } from "./evaluate-tensor.js";
import { parseMath } from "./parse-math.js";

const column = (...values: number[]) => tensor(values, { shape: [values.length, 1] });
const A = tensor([
  [1, 2],
  [3, 4],
  [5, 6],
]);
const x = column(1, -1);
const y = column(0.5, -2, 3);
const environment: TensorEnvironment = {
  values: new Map([
    ["A", A],
    ["x", x],
    ["y", y],
    ["c", tensor(3)],
    ["t", tensor(2)],
  ]),
  classes: 3,
};

function value(input: string): Tensor {
  const parsed = parseMath(input, { symbols: ["A", "x", "y", "c", "t"], kind: "tensor" });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const result = evaluateTensor(parsed.expr, environment);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function problem(input: string): string {
  const parsed = parseMath(input, { symbols: ["A", "x", "y", "c", "t"], kind: "tensor" });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const result = evaluateTensor(parsed.expr, environment);
  if (result.ok) throw new Error(`expected ${input} to fail`);
  return result.message;
}

describe("evaluateTensor", () => {
  it("multiplies matrices by juxtaposition and scales by scalars", () => {
    expect(value("A x").toArray()).toEqual([[-1], [-1], [-1]]);
    expect(value("c A x").toArray()).toEqual([[-3], [-3], [-3]]);
    expect(value("A^T y").toArray()).toEqual([[9.5], [11]]);
    expect(value("y^T y").item()).toBeCloseTo(0.25 + 4 + 9);
    expect(value("x (y^T y)").toArray()).toEqual([[13.25], [-13.25]]);
  });

  it("does elementwise products and divisions", () => {
    expect(value("x .* x").toArray()).toEqual([[1], [1]]);
    expect(value("y ⊘ y").toArray()).toEqual([[1], [1], [1]]);
    expect(value("x / 2").toArray()).toEqual([[0.5], [-0.5]]);
  });

  it("refuses to broadcast a column against a row or mismatched products", () => {
    expect(problem("x + x^T")).toContain("the shapes differ");
    expect(problem("A A")).toContain("a product of 3×2 and 3×2 does not fit");
    expect(problem("A^{-1}")).toMatch(/square|singular|inv/);
  });

  it("computes onehot with 1-based classes and indicators as 0/1", () => {
    expect(value("e_t").toArray()).toEqual([[0], [1], [0]]);
    expect(value("I(y > 0)").toArray()).toEqual([[1], [0], [1]]);
    expect(value("relu'(y)").toArray()).toEqual([[1], [0], [1]]);
    expect(value("relu(y)").toArray()).toEqual([[0.5], [0], [3]]);
  });

  it("builds diagonal matrices from vectors and reads diagonals of square matrices", () => {
    expect(value("diag(x)").toArray()).toEqual([
      [1, 0],
      [0, -1],
    ]);
    expect(value("diag(A^T A)").toArray()).toEqual([[35], [56]]);
    expect(problem("diag(A)")).toContain("diag needs a vector or a square matrix, not 3×2");
    expect(problem("I(y)")).toContain("I(…) needs a comparison");
  });

  it("gives softmax' as the Jacobian of softmax (finite differences)", () => {
    const jacobian = value("softmax'(y)");
    const h = 1e-6;
    const base = value("softmax(y)").toTypedArray();
    const softmaxOfY = parseMath("softmax(y)", { symbols: ["y"], kind: "tensor" });
    if (!softmaxOfY.ok) throw new Error(softmaxOfY.error.message);
    for (let j = 0; j < 3; j++) {
      const bumped = add(y, column(...[0, 1, 2].map((i) => (i === j ? h : 0))));
      const shifted = evaluateTensor(softmaxOfY.expr, { values: new Map([["y", bumped]]) });
      if (!shifted.ok) throw new Error(shifted.message);
      const derivative = [...shifted.value.toTypedArray()].map((v, i) => (v - base[i]!) / h);
      for (const [i, d] of derivative.entries()) expect(jacobian.get(i, j)).toBeCloseTo(d, 5);
    }
  });

  it("gives sigmoid' as the derivative of sigmoid (finite differences)", () => {
    const h = 1e-6;
    const derivative = value("sigmoid'(y)").toTypedArray();
    const up = value(`sigmoid(y + ${h})`).toTypedArray();
    const down = value(`sigmoid(y - ${h})`).toTypedArray();
    for (const [i, d] of derivative.entries())
      expect(d).toBeCloseTo((up[i]! - down[i]!) / (2 * h), 6);
  });

  it("inverts invertible matrices and refuses singular ones", () => {
    const square = value("A^T A");
    expect(
      allclose(
        matmul(value("(A^T A)^{-1}"), square),
        tensor([
          [1, 0],
          [0, 1],
        ]),
        { atol: 1e-9 },
      ),
    ).toBe(true);
    expect(problem("(A A^T)^{-1}")).toContain("is singular");
  });
});
