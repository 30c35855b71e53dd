/** What kind of problem a {@link MathError} reports; lets callers branch without parsing messages. */
export type MathErrorCode =
  | "too-long" // the input is longer than the length bound
  | "too-deep" // brackets, LaTeX groups or operators nested beyond the depth bound
  | "latex" // a LaTeX command or environment that is unknown or malformed
  | "character" // a character the notation does not use
  | "name" // a name that is not declared, or a function without its argument
  | "syntax" // the tokens do not form a formula
  | "unsupported" // well-formed, but outside what the tree can say (a chain a < b < c, f(a, b))
  | "empty" // nothing but spaces
  | "kind"; // the wrong kind of formula for the caller (a comparison where a cost was asked for)

/** A problem in a formula, located at an offset of the string as it was typed. */
export interface MathError {
  readonly code: MathErrorCode;
  readonly message: string;
  /** Zero-based offset into `input`; `input.length` for "at the end". */
  readonly position: number;
  readonly input: string;
}

export type Located<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: MathError };

export function mathError(
  code: MathErrorCode,
  input: string,
  position: number,
  message: string,
): { ok: false; error: MathError } {
  return { ok: false, error: { code, input, position, message } };
}
