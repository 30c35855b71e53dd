/** A problem in a student's formula, located at an offset of the string the student typed. */
export interface MathError {
  readonly message: string;
  /** Zero-based offset into `input`. */
  readonly position: number;
  readonly input: string;
}

export type Located<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: MathError };

export function mathError(
  input: string,
  position: number,
  message: string,
): { ok: false; error: MathError } {
  return { ok: false, error: { input, position, message } };
}

/** "message (at position 4)" followed by the input and a caret under the position. */
export function describeMathError(error: MathError): string {
  const shown = error.input.length > 120 ? `${error.input.slice(0, 117)}...` : error.input;
  const caret =
    error.position <= shown.length ? `\n  ${shown}\n  ${" ".repeat(error.position)}^` : "";
  return `${error.message} (at position ${error.position})${caret}`;
}
