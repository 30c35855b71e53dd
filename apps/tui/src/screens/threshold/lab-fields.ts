// Reading the Threshold lab's text fields as the student types: each reader gives a value or the
// position and reason of the first problem (shown under the field).
import { parseActivation, parseRational } from "@nnkit/threshold";
import type { FieldError } from "../../components/TextField.js";

export type Read<T> = { ok: true; value: T } | { ok: false; error: FieldError };

/** Drops the "operation: " prefix of a ThresholdError message; the field already says what it is. */
function reason(error: unknown, where: string): string {
  const message = (error as Error).message;
  return message.startsWith(`${where}: `) ? message.slice(where.length + 2) : message;
}

export function readWeight(text: string): Read<string> {
  try {
    parseRational(text, "weight");
    return { ok: true, value: text.trim() };
  } catch (error) {
    return {
      ok: false,
      error: { position: text.length - text.trimStart().length, message: reason(error, "weight") },
    };
  }
}

export function readActivation(text: string): Read<string> {
  const specs = text.trim().split(/\s+/);
  let position = text.length - text.trimStart().length;
  for (const spec of specs) {
    try {
      parseActivation(spec, "activation");
    } catch (error) {
      return {
        ok: false,
        error: { position, message: reason(error, "activation").split(";")[0]! },
      };
    }
    position = text.indexOf(spec, position) + spec.length + 1;
  }
  return { ok: true, value: specs.join(" ") };
}

/** Whitespace- or comma-separated integers, exactly `arity` of them. */
export function readInput(text: string, arity: number): Read<number[]> {
  const values: number[] = [];
  for (const match of text.matchAll(/[^\s,]+/g)) {
    if (!/^[+-]?\d+$/.test(match[0])) {
      return {
        ok: false,
        error: { position: match.index, message: `"${match[0]}" is not an integer` },
      };
    }
    values.push(Number(match[0]));
  }
  if (values.length !== arity) {
    return {
      ok: false,
      error: { position: text.length, message: `${arity} integers needed, ${values.length} given` },
    };
  }
  return { ok: true, value: values };
}

/** "lo..hi" with lo ≤ hi, both integers. */
export function readRange(text: string): Read<{ lo: number; hi: number }> {
  const match = /^\s*([+-]?\d+)\s*\.\.\s*([+-]?\d+)\s*$/.exec(text);
  if (!match) return { ok: false, error: { position: 0, message: "write lo..hi, e.g. -4..4" } };
  const lo = Number(match[1]);
  const hi = Number(match[2]);
  if (lo > hi)
    return { ok: false, error: { position: text.indexOf(".."), message: "lo is above hi" } };
  return { ok: true, value: { lo, hi } };
}
