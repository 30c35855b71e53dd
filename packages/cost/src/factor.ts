import { CostError } from "./errors.js";
import type { Polynomial } from "./polynomial.js";
import { type SizeLike, toSize } from "./size.js";

/** A matrix in a chain (vectors are n×1 matrices). Transposes share storage with their base. */
export interface MatrixFactor {
  readonly kind: "matrix";
  readonly name: string;
  readonly rows: Polynomial;
  readonly cols: Polynomial;
  /** Name of the stored value this factor views; `v` for both `v` and `vᵀ`. */
  readonly storage: string;
  /** Whether this factor is the transpose of its stored value. */
  readonly transposed: boolean;
}

/**
 * A scalar such as the 2 in 2vvᵀ: multiplying it into an r×c matrix costs rc. A numeric
 * literal is not stored; a named scalar (`c`) is one stored entry.
 */
export interface ScalarFactor {
  readonly kind: "scalar";
  readonly name: string;
  readonly literal: boolean;
  readonly storage: string;
}

export type Factor = MatrixFactor | ScalarFactor;

const TRANSPOSE = "ᵀ";

/** An rows×cols matrix called `name`. */
export function matrix(name: string, rows: SizeLike, cols: SizeLike): MatrixFactor {
  checkFactorName(name, "matrix");
  return {
    kind: "matrix",
    name,
    rows: toSize(rows, "matrix", `rows of ${name}`),
    cols: toSize(cols, "matrix", `columns of ${name}`),
    storage: name,
    transposed: false,
  };
}

/** A column vector: size×1. */
export function vector(name: string, size: SizeLike): MatrixFactor {
  checkFactorName(name, "vector");
  return matrix(name, size, 1);
}

/** A scalar factor: a number (`scalar(2)`, not stored) or a name (`scalar("c")`, stored). */
export function scalar(value: number | string): ScalarFactor {
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new CostError("scalar", "argument", `${value} is not finite`);
    return { kind: "scalar", name: String(value), literal: true, storage: String(value) };
  }
  checkFactorName(value, "scalar");
  return { kind: "scalar", name: value, literal: false, storage: value };
}

/** The transpose, a free view: `vᵀ` is cols×rows and shares v's storage (and vᵀᵀ is v). */
export function transpose(factor: MatrixFactor): MatrixFactor {
  const name = factor.name.endsWith(TRANSPOSE)
    ? factor.name.slice(0, -TRANSPOSE.length)
    : `${factor.name}${TRANSPOSE}`;
  return { ...factor, name, rows: factor.cols, cols: factor.rows, transposed: !factor.transposed };
}

/** `n×1`, or `scalar` for scalar factors. */
export function formatShape(factor: Factor): string {
  return factor.kind === "scalar" ? "scalar" : `${factor.rows}×${factor.cols}`;
}

function checkFactorName(name: string, op: string): void {
  if (typeof name !== "string" || name.trim() === "" || /[()\s]/.test(name)) {
    throw new CostError(
      op,
      "argument",
      `factor name ${JSON.stringify(name)} must be non-empty, without spaces or parentheses`,
    );
  }
}
