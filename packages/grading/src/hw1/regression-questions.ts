import { Polynomial } from "@nnkit/cost";
import { matmul, mul, rng, solve, sub, type Tensor, tensor, transpose } from "@nnkit/tensor";
import type { Question } from "../assignment/assignment.js";
import type { CheckContext } from "../checkers/check.js";
import { type ExpressionInstance, expressionCheck } from "../checkers/expression-check.js";
import { manualCheck } from "../checkers/manual-check.js";
import { solutionSetCheck } from "../checkers/solution-set-check.js";
import { yesNoCheck } from "../checkers/yes-no-check.js";
import { LINE_DATA } from "./handout.js";

const SYMBOLS = ["X", "t", "w", "n", "d"] as const;
const INSTANCES = 3;

interface Data {
  readonly X: Tensor;
  readonly t: Tensor;
  readonly w: Tensor;
  readonly n: number;
  readonly d: number;
}

/** Seeded random regression data: X is n×d with standard normal entries (full rank almost surely). */
function randomData(context: CheckContext, n: number, d: number): Data[] {
  const random = rng(context.seed);
  return Array.from({ length: INSTANCES }, () => ({
    X: random.normal([n, d]),
    t: random.normal([n, 1]),
    w: random.normal([d, 1]),
    n,
    d,
  }));
}

function instance(data: Data, reference: Tensor): ExpressionInstance {
  const values = new Map<string, Tensor>([
    ["X", data.X],
    ["t", data.t],
    ["w", data.w],
    ["n", tensor(data.n)],
    ["d", tensor(data.d)],
  ]);
  return { environment: { values }, reference };
}

const Xt = (data: Data) => transpose(data.X);

/** 3.1: ∇ of (1/n)‖Xŵ − t‖² is (2/n)Xᵀ(Xŵ − t). */
const gradient = (context: CheckContext) =>
  randomData(context, 6, 3).map((data) =>
    instance(data, mul(2 / data.n, matmul(Xt(data), sub(matmul(data.X, data.w), data.t)))),
  );

/** 3.2 (d < n): the least-squares solution solves XᵀXŵ = Xᵀt. */
const leastSquares = (context: CheckContext) =>
  randomData(context, 6, 3).map((data) =>
    instance(data, solve(matmul(Xt(data), data.X), matmul(Xt(data), data.t))),
  );

/** 3.3.2 (d > n): gradient descent from 0 stays in the row space: ŵ = Xᵀ(XXᵀ)⁻¹t. */
const minimumNorm = (context: CheckContext) =>
  randomData(context, 3, 6).map((data) =>
    instance(data, matmul(Xt(data), solve(matmul(data.X, Xt(data)), data.t))),
  );

const FORMULA_HINT = "# A formula in X, t, w (ŵ), n, d, in plain syntax or LaTeX";

export const q3_1: Question = {
  id: "q3.1",
  title: "Gradient of the mean squared error",
  points: 0,
  parts: [
    {
      label: "gradient",
      field: "gradient",
      weight: 1,
      visibility: "visible",
      check: expressionCheck({ symbols: SYMBOLS, instances: gradient }),
    },
  ],
  template: `${FORMULA_HINT}\ngradient: ""`,
};

export const q3_2: Question = {
  id: "q3.2",
  title: "Solution when d < n",
  points: 1,
  parts: [
    {
      label: "w",
      field: "w",
      weight: 1,
      visibility: "visible",
      check: expressionCheck({ symbols: SYMBOLS, instances: leastSquares }),
    },
    {
      label: "unique",
      field: "unique",
      weight: 1,
      visibility: "visible",
      check: yesNoCheck({
        reference: true,
        explainWrong: "with X of full rank and d < n, XᵀX is invertible",
      }),
    },
  ],
  template: `${FORMULA_HINT}\nw: ""\nunique: ""  # yes or no`,
};

/** 3.3.1: the minimisers are the solutions of x1ᵀw = t1. */
const line = () =>
  LINE_DATA.x
    .reduce((sum, x, i) => sum.add(Polynomial.variable(`w${i + 1}`).mul(x)), Polynomial.ZERO)
    .sub(LINE_DATA.t);

export const q3_3_1: Question = {
  id: "q3.3.1",
  title: "Minimisers for n = 1, d = 2",
  points: 0,
  parts: [
    {
      label: "line",
      field: "line",
      weight: 1,
      visibility: "visible",
      check: solutionSetCheck({ symbols: ["w1", "w2"], zeroOf: line }),
    },
  ],
  template: '# An equation in w1, w2\nline: ""',
};

export const q3_3_2: Question = {
  id: "q3.3.2",
  title: "Gradient descent from 0 when d > n",
  points: 1,
  parts: [
    {
      label: "w",
      field: "w",
      weight: 1,
      visibility: "after_due_date",
      check: expressionCheck({ symbols: SYMBOLS, instances: minimumNorm }),
    },
  ],
  template: `${FORMULA_HINT}\nw: ""`,
};

export const q3_3_3: Question = {
  id: "q3.3.3",
  title: "Does over-parameterisation always lead to over-fitting?",
  points: 1,
  parts: [{ label: "text", field: "text", weight: 1, visibility: "visible", check: manualCheck() }],
  template: "# Free text, graded by a person\ntext: |\n  ...",
};
