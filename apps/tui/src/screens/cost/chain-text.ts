// A chain typed by the student, e.g. "2 v:n vᵀ" (2.2's H = 2vvᵀ) or "v:n vᵀ y1:n y2ᵀ:m": read by
// @nnkit/grading's one chain reader (the one that reads an assignment file's chains), with the
// screen's sizes n and m; a mistake becomes the field's error, at its position.
import type { Chain } from "@nnkit/cost";
import { describeChainError, readSizedChain } from "@nnkit/grading/read-chain";
import type { FieldError } from "../../components/TextField.js";

export type ReadChain = { ok: true; chain: Chain } | { ok: false; error: FieldError };

/** The sizes the screen lets the student change (+/- and ]/[). */
const screenSizes = ["n", "m"];

export function readChain(text: string): ReadChain {
  const read = readSizedChain(text, { sizeNames: screenSizes });
  if (read.ok) return read;
  return {
    ok: false,
    error: { position: read.error.position, message: describeChainError(read.error) },
  };
}
