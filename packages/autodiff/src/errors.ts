/** What kind of misuse an {@link AutodiffError} reports. */
export type AutodiffErrorCode = "shape" | "dtype" | "argument" | "symbolic" | "trace";

/** Every invalid call into @nnkit/autodiff throws this; `op` names the operation that refused. */
export class AutodiffError extends Error {
  readonly op: string;
  readonly code: AutodiffErrorCode;

  constructor(op: string, code: AutodiffErrorCode, message: string) {
    super(`${op}: ${message}`);
    this.name = "AutodiffError";
    this.op = op;
    this.code = code;
  }
}
