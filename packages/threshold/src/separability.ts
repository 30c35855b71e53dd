import { type Model, solve } from "yalps";
import { ThresholdError } from "./errors.js";
import { type Network, network } from "./network.js";
import { type BooleanFunction, truthTable } from "./truth-table.js";

/**
 * Whether one threshold unit y = I(w·x + b ≥ 0) computes the function on {0, 1}^arity. When it
 * can, the integer weights with the smallest Σ|w_j| + |b| and that unit as a network.
 */
export type Separability =
  | {
      readonly separable: true;
      readonly weights: readonly number[];
      readonly bias: number;
      readonly unit: Network;
    }
  | { readonly separable: false };

/**
 * Decides linear separability with an integer program solved by yalps: find integers w, b with
 * w·x + b ≥ 0 on true rows and ≤ −1 on false rows (with integer weights a strict "< 0" is "≤ −1"),
 * minimising Σ|w_j| + |b|. Any separating real weights can be scaled to such integers, so
 * infeasibility means no single unit works (XOR). yalps variables are non-negative, so each weight
 * is a difference of two.
 */
export function linearSeparability(fn: BooleanFunction, arity: number): Separability {
  const rows = truthTable(fn, arity, "linearSeparability");
  const names = [...Array.from({ length: arity }, (_, j) => `w${j}`), "b"];
  const constraints = new Map(
    rows.map((row, r) => [`row${r}`, row.label === 1 ? { min: 0 } : { max: -1 }] as const),
  );
  const variables = new Map<string, Map<string, number>>();
  names.forEach((name, j) => {
    for (const [suffix, sign] of [
      ["+", 1],
      ["-", -1],
    ] as const) {
      const coefficients = new Map<string, number>([["cost", 1]]);
      rows.forEach((row, r) => {
        const x = j < arity ? row.input[j]! : 1;
        if (x !== 0) coefficients.set(`row${r}`, sign * x);
      });
      variables.set(`${name}${suffix}`, coefficients);
    }
  });
  const model: Model = {
    direction: "minimize",
    objective: "cost",
    constraints,
    variables,
    integers: true,
  };
  const solution = solve(model);
  if (solution.status === "infeasible") return { separable: false };
  if (solution.status !== "optimal") {
    throw new ThresholdError(
      "linearSeparability",
      "argument",
      `the LP solver stopped with status "${solution.status}"`,
    );
  }
  const value = new Map(solution.variables);
  const values = names.map((name) =>
    Math.round((value.get(`${name}+`) ?? 0) - (value.get(`${name}-`) ?? 0)),
  );
  const weights = values.slice(0, arity);
  const bias = values[arity]!;
  const unit = network([{ name: "unit", weights: [weights], bias: [bias], activation: "step>=0" }]);
  return { separable: true, weights, bias, unit };
}
