import { CostError } from "./errors.js";
import { type Factor, formatShape, matrix, scalar } from "./factor.js";
import type { Point, Polynomial } from "./polynomial.js";

/** Rows and columns of a product of factors; `scalar` when every factor is a scalar. */
export type ChainShape =
  | { readonly kind: "scalar" }
  | { readonly kind: "matrix"; readonly rows: Polynomial; readonly cols: Polynomial };

/** A product of factors whose inner dimensions agree (scalars fit anywhere). */
export class Chain {
  readonly factors: readonly Factor[];

  constructor(factors: readonly Factor[]) {
    if (factors.length === 0) throw new CostError("chain", "argument", "a chain needs a factor");
    checkInnerDimensions(factors);
    this.factors = factors;
  }

  get length(): number {
    return this.factors.length;
  }

  /** Shape of the product of factors first..last (inclusive). */
  shapeOf(first = 0, last = this.factors.length - 1): ChainShape {
    const matrices = this.factors.slice(first, last + 1).filter((f) => f.kind === "matrix");
    const [head, tail] = [matrices[0], matrices.at(-1)];
    if (!head || !tail) return { kind: "scalar" };
    return { kind: "matrix", rows: head.rows, cols: tail.cols };
  }

  /** Variables in the factors' sizes, in order of appearance. */
  get variables(): readonly string[] {
    const names: string[] = [];
    for (const f of this.factors) {
      if (f.kind === "scalar") continue;
      for (const v of [...f.rows.variables, ...f.cols.variables])
        if (!names.includes(v)) names.push(v);
    }
    return names;
  }

  /** The same chain with sizes evaluated at a point (every variable must be given). */
  at(point: Point): Chain {
    return new Chain(
      this.factors.map((f) => {
        if (f.kind === "scalar") return f.literal ? scalar(Number(f.name)) : scalar(f.name);
        const sized = matrix(f.name, sizeAt(f.rows, point, f.name), sizeAt(f.cols, point, f.name));
        return { ...sized, storage: f.storage, transposed: f.transposed };
      }),
    );
  }

  toString(): string {
    return this.factors.map((f) => f.name).join("");
  }
}

/** `chain(v, transpose(v), y)`: validates that adjacent inner dimensions agree. */
export function chain(...factors: readonly Factor[]): Chain {
  return new Chain(factors);
}

function checkInnerDimensions(factors: readonly Factor[]): void {
  let previous: Factor | undefined;
  for (const factor of factors) {
    if (factor.kind === "scalar") continue;
    if (previous?.kind === "matrix" && !previous.cols.equals(factor.rows)) {
      throw new CostError(
        "chain",
        "shape",
        `inner dimensions of ${previous.name} (${formatShape(previous)}) and ${factor.name} ` +
          `(${formatShape(factor)}) differ: ${previous.cols} ≠ ${factor.rows}`,
      );
    }
    previous = factor;
  }
}

function sizeAt(size: Polynomial, point: Point, factor: string): number {
  const value = size.evaluate(point);
  if (!value.isInteger() || value.sign() < 0) {
    throw new CostError("Chain.at", "size", `a size of ${factor} is ${value} at this point`);
  }
  return value.toNumber();
}
