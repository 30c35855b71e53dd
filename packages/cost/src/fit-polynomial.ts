import { Rational } from "@nnkit/math";
import { CostError } from "./errors.js";
import { Polynomial } from "./polynomial.js";

export interface FitOptions {
  /** Highest exponent of any one variable (default 3). */
  readonly maxDegree?: number;
  /** Extra points checked after fitting (default 6); sizes up to 2·(maxDegree + 1) + 3. */
  readonly checks?: number;
}

/**
 * The polynomial through `sample`'s values at sizes 1..maxDegree + 1 in every variable
 * (tensor-product Lagrange interpolation, exact in rationals), confirmed at further points.
 * For costs only computable at numeric sizes, e.g. jacfwd needs concrete shapes:
 * `fitPolynomial(({ n, m }) => graphCost(trace(jacfwd(f), …n, m…)).multiplications…, ["m", "n"])`.
 * Throws a CostError when the values are no polynomial of that degree.
 */
export function fitPolynomial(
  sample: (point: Readonly<Record<string, number>>) => number,
  variables: readonly string[],
  options: FitOptions = {},
): Polynomial {
  const { maxDegree = 3, checks = 6 } = options;
  if (!Number.isSafeInteger(maxDegree) || maxDegree < 0) {
    throw new CostError(
      "fitPolynomial",
      "argument",
      `maxDegree ${maxDegree} is not a non-negative integer`,
    );
  }
  const nodes = Array.from({ length: maxDegree + 1 }, (_, i) => i + 1);
  const bases = new Map(
    variables.map((name) => [
      name,
      nodes.map((j) => lagrangeBasis(Polynomial.variable(name), j, nodes)),
    ]),
  );
  let fitted = Polynomial.ZERO;
  for (const indices of grid(variables.length, nodes.length)) {
    const point = Object.fromEntries(variables.map((name, i) => [name, nodes[indices[i]!]!]));
    const value = readValue(sample(point), point);
    const basis = variables.reduce(
      (product, name, i) => product.mul(bases.get(name)![indices[i]!]!),
      Polynomial.constant(1),
    );
    fitted = fitted.add(basis.scale(value));
  }
  confirm(fitted, sample, variables, maxDegree, checks);
  return Polynomial.fromTerms(fitted.terms, variables);
}

/** L_j(x) = Π_{l ≠ j} (x − l)/(j − l): 1 at node j, 0 at the other nodes. */
function lagrangeBasis(x: Polynomial, j: number, nodes: readonly number[]): Polynomial {
  return nodes
    .filter((l) => l !== j)
    .reduce((product, l) => product.mul(x.sub(l)).div(j - l), Polynomial.constant(1));
}

function confirm(
  fitted: Polynomial,
  sample: (point: Readonly<Record<string, number>>) => number,
  variables: readonly string[],
  maxDegree: number,
  checks: number,
): void {
  for (let c = 0; c < checks; c++) {
    // Sizes outside the interpolation grid, different in every variable.
    const point = Object.fromEntries(
      variables.map((name, i) => [name, maxDegree + 2 + ((c + 2 * i) % (maxDegree + 4))]),
    );
    const expected = readValue(sample(point), point);
    if (!fitted.evaluate(point).equals(expected)) {
      throw new CostError(
        "fitPolynomial",
        "argument",
        `the values are no polynomial of degree ≤ ${maxDegree} in each variable: ${fitted} gives ${fitted.evaluate(point)} at ${JSON.stringify(point)}, sampled ${expected}`,
      );
    }
  }
}

function readValue(value: number, point: Readonly<Record<string, number>>): Rational {
  if (!Number.isFinite(value)) {
    throw new CostError(
      "fitPolynomial",
      "argument",
      `sample gave ${value} at ${JSON.stringify(point)}`,
    );
  }
  return Rational.fromNumber(value, "fitPolynomial");
}

/** Every index tuple in [0, size)^dimensions. */
function* grid(dimensions: number, size: number): Generator<number[]> {
  const indices = new Array<number>(dimensions).fill(0);
  for (;;) {
    yield [...indices];
    let axis = dimensions - 1;
    while (axis >= 0 && indices[axis] === size - 1) indices[axis--] = 0;
    if (axis < 0) return;
    indices[axis]!++;
  }
}
