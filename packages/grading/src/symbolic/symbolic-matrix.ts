import { Rational } from "@nnkit/math";
import { RationalFunction, type SymbolicBudget, SymbolicLimit } from "./rational-function.js";

/** A matrix of exact rational functions, row-major; a scalar is 1×1 and a vector a column. */
export interface SymbolicMatrix {
  readonly rows: number;
  readonly columns: number;
  readonly entries: readonly RationalFunction[];
}

export function isScalar(a: SymbolicMatrix): boolean {
  return a.rows * a.columns === 1;
}

export function shapeText(a: SymbolicMatrix): string {
  return isScalar(a) ? "a scalar" : `${a.rows}×${a.columns}`;
}

export function entry(a: SymbolicMatrix, i: number, j: number): RationalFunction {
  const value = a.entries[i * a.columns + j];
  if (value === undefined) throw new SymbolicLimit(`no entry (${i}, ${j})`, "unsupported");
  return value;
}

export function build(
  rows: number,
  columns: number,
  at: (i: number, j: number) => RationalFunction,
): SymbolicMatrix {
  const entries: RationalFunction[] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) entries.push(at(i, j));
  return { rows, columns, entries };
}

export function scalar(value: RationalFunction): SymbolicMatrix {
  return { rows: 1, columns: 1, entries: [value] };
}

export function constantMatrix(
  rows: number,
  columns: number,
  value: (i: number, j: number) => number,
  limits: SymbolicBudget,
): SymbolicMatrix {
  return build(rows, columns, (i, j) =>
    RationalFunction.constant(Rational.of(value(i, j)), limits),
  );
}

export function map(
  a: SymbolicMatrix,
  f: (x: RationalFunction) => RationalFunction,
): SymbolicMatrix {
  return { rows: a.rows, columns: a.columns, entries: a.entries.map(f) };
}

/** Elementwise on equal shapes, a scalar side broadcast (the tensor evaluator's rule). */
export function zip(
  a: SymbolicMatrix,
  b: SymbolicMatrix,
  f: (x: RationalFunction, y: RationalFunction) => RationalFunction,
  op: string,
): SymbolicMatrix {
  if (isScalar(a) && !isScalar(b)) return map(b, (y) => f(entry(a, 0, 0), y));
  if (isScalar(b) && !isScalar(a)) return map(a, (x) => f(x, entry(b, 0, 0)));
  if (a.rows !== b.rows || a.columns !== b.columns) {
    throw new SymbolicLimit(
      `${shapeText(a)} ${op} ${shapeText(b)}: the shapes differ`,
      "unsupported",
    );
  }
  return build(a.rows, a.columns, (i, j) => f(entry(a, i, j), entry(b, i, j)));
}

export function transpose(a: SymbolicMatrix): SymbolicMatrix {
  return build(a.columns, a.rows, (i, j) => entry(a, j, i));
}

/** The sum of rational functions, in order. */
export function total(
  values: readonly RationalFunction[],
  limits: SymbolicBudget,
): RationalFunction {
  return values.reduce((s, v) => s.add(v), RationalFunction.constant(Rational.ZERO, limits));
}

export function matmul(
  a: SymbolicMatrix,
  b: SymbolicMatrix,
  limits: SymbolicBudget,
): SymbolicMatrix {
  if (a.columns !== b.rows) {
    throw new SymbolicLimit(
      `a product of ${shapeText(a)} and ${shapeText(b)} does not fit`,
      "unsupported",
    );
  }
  return build(a.rows, b.columns, (i, j) =>
    total(
      Array.from({ length: a.columns }, (_, k) => entry(a, i, k).mul(entry(b, k, j))),
      limits,
    ),
  );
}

/** The product as the tensor evaluator reads it: scaling when a side is a scalar. */
export function product(
  a: SymbolicMatrix,
  b: SymbolicMatrix,
  limits: SymbolicBudget,
): SymbolicMatrix {
  if (isScalar(a) || isScalar(b)) return zip(a, b, (x, y) => x.mul(y), "·");
  return matmul(a, b, limits);
}

/** Largest matrix inverted symbolically: the adjugate of a 4×4 already has 24-term cofactors. */
export const MAX_INVERSE_SIZE = 4;

/** The determinant by cofactors along the first row (small sizes only). */
export function determinant(a: SymbolicMatrix, limits: SymbolicBudget): RationalFunction {
  if (a.rows !== a.columns) throw new SymbolicLimit(`${shapeText(a)} is not square`, "unsupported");
  if (a.rows === 1) return entry(a, 0, 0);
  const terms: RationalFunction[] = [];
  for (let j = 0; j < a.columns; j++) {
    const cofactor = entry(a, 0, j).mul(determinant(minor(a, 0, j), limits));
    terms.push(j % 2 === 0 ? cofactor : cofactor.neg());
  }
  return total(terms, limits);
}

function minor(a: SymbolicMatrix, row: number, column: number): SymbolicMatrix {
  return build(a.rows - 1, a.columns - 1, (i, j) =>
    entry(a, i < row ? i : i + 1, j < column ? j : j + 1),
  );
}

/** The inverse as adjugate / determinant; `nonzero` records the determinant it divides by. */
export function inverse(a: SymbolicMatrix, limits: SymbolicBudget): SymbolicMatrix {
  if (a.rows !== a.columns) throw new SymbolicLimit(`${shapeText(a)} is not square`, "unsupported");
  if (a.rows > MAX_INVERSE_SIZE) {
    throw new SymbolicLimit(
      `inverting a ${shapeText(a)} matrix (at most ${MAX_INVERSE_SIZE}×${MAX_INVERSE_SIZE})`,
      "budget",
    );
  }
  const det = determinant(a, limits);
  if (det.isZero()) throw new SymbolicLimit("the matrix is singular everywhere", "unsupported");
  if (a.rows === 1) return scalar(RationalFunction.constant(Rational.ONE, limits).div(det));
  // (A⁻¹)ᵢⱼ = (−1)^(i+j) det(minor(A, j, i)) / det A.
  return build(a.rows, a.columns, (i, j) => {
    const cofactor = determinant(minor(a, j, i), limits).div(det);
    return (i + j) % 2 === 0 ? cofactor : cofactor.neg();
  });
}

export function sameValue(a: SymbolicMatrix, b: SymbolicMatrix): boolean {
  const shape = (m: SymbolicMatrix) => (isScalar(m) ? "1" : `${m.rows}×${m.columns}`);
  if (shape(a) !== shape(b)) return false;
  return a.entries.every((x, k) => {
    const y = b.entries[k];
    return y !== undefined && x.equals(y);
  });
}
