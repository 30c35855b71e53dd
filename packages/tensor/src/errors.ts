/** Why an operation refused its arguments; lets callers branch without parsing messages. */
export type TensorErrorCode = "shape" | "axis" | "dtype" | "singular" | "argument";

/**
 * The one error type @nnkit/tensor throws for invalid calls. The message starts with the operation's
 * name and names the shapes or values involved, e.g. `add: shapes [2, 3] and [4] cannot be broadcast`.
 */
export class TensorError extends Error {
  readonly op: string;
  readonly code: TensorErrorCode;

  constructor(op: string, code: TensorErrorCode, detail: string) {
    super(`${op}: ${detail}`);
    this.name = "TensorError";
    this.op = op;
    this.code = code;
  }
}

/** `[2, 3]`: how shapes appear in error messages. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}
