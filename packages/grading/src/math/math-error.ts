export type { Located, MathError } from "@nnkit/math";

import type { MathError } from "@nnkit/math";

/** "message (at position 4)" followed by the input and a caret under the position. */
export function describeMathError(
  error: Pick<MathError, "message" | "position" | "input">,
): string {
  const shown = error.input.length > 120 ? `${error.input.slice(0, 117)}...` : error.input;
  const caret =
    error.position <= shown.length ? `\n  ${shown}\n  ${" ".repeat(error.position)}^` : "";
  return `${error.message} (at position ${error.position})${caret}`;
}
