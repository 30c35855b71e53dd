/** Why an operation refused its arguments; lets callers branch without parsing messages. */
export type TensorErrorCode =
  | "shape"
  | "axis"
  | "dtype"
  | "argument"
  /** A pivot of the LU factorisation is exactly zero. */
  | "singular"
  /** No pivot is zero, but the matrix is singular to working precision (see `detail`). */
  | "numerically-singular"
  /** Cholesky: a symmetric matrix that is not positive definite (see `detail`). */
  | "not-positive-definite"
  /** cholesky, eigh: the matrix is not symmetric (see `detail`). */
  | "not-symmetric"
  /** An iterative method (eigh, svd) did not converge within its sweep limit. */
  | "no-convergence"
  /** A value has no representation in the target dtype (NaN, ±Infinity or beyond int32's range). */
  | "out-of-range"
  /** The result would need more elements than a tensor may hold (see `detail`). */
  | "too-large";

/** Structured facts behind some errors, so callers need not parse the message. */
export type TensorErrorDetail =
  | {
      code: "singular";
      /** Batch index of the offending matrix ([] for a single matrix). */
      matrix: number[];
      /** 0-based column whose pivot is exactly zero. */
      pivot: number;
    }
  | {
      code: "numerically-singular";
      matrix: number[];
      /** Which test fired: a pivot below `threshold`, or the reciprocal condition estimate below it. */
      reason: "pivot" | "condition";
      /** |pivot| for reason "pivot", the 1-norm reciprocal condition estimate for "condition". */
      value: number;
      threshold: number;
    }
  | {
      code: "not-positive-definite";
      matrix: number[];
      /** 0-based column whose pivot a_jj − Σ l_jk² is not positive. */
      pivot: number;
      value: number;
    }
  | {
      code: "not-symmetric";
      matrix: number[];
      /** An entry with a_ij ≠ a_ji beyond rounding (row > column). */
      row: number;
      column: number;
    }
  | {
      code: "out-of-range";
      dtype: "int32";
      value: number;
      /** Row-major position of the element in the input, when it came from one. */
      index: number | undefined;
    }
  | {
      code: "too-large";
      shape: number[];
      /** Elements the result would have (may exceed 2^53 and be inexact). */
      size: number;
      /** The most elements one tensor may hold. */
      limit: number;
    };

/**
 * The one error type @nnkit/tensor throws for invalid calls. The message starts with the operation's
 * name and names the shapes or values involved, e.g. `add: shapes [2, 3] and [4] cannot be broadcast`.
 */
export class TensorError extends Error {
  readonly op: string;
  readonly code: TensorErrorCode;
  readonly detail: TensorErrorDetail | undefined;

  constructor(op: string, code: TensorErrorCode, message: string, detail?: TensorErrorDetail) {
    super(`${op}: ${message}`);
    this.name = "TensorError";
    this.op = op;
    this.code = code;
    this.detail = detail;
  }
}

/** `[2, 3]`: how shapes appear in error messages. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}
