import type { AnswerValue } from "../../answers/answer-value.js";
import type { SpecPath } from "../spec-error.js";
import { describe, fail } from "../yaml/schema.js";

/** Plain data from an assignment file (a part's `solution:`) as an answer file's value. */
export function answerValueOf(value: unknown, path: SpecPath, depth = 0): AnswerValue {
  if (depth > 32) fail(path, "nested too deeply for an answer");
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "string") return { type: "string", value };
  if (typeof value === "number") return { type: "number", value };
  if (typeof value === "boolean") return { type: "boolean", value };
  if (Array.isArray(value))
    return {
      type: "list",
      items: value.map((item, i) => answerValueOf(item, [...path, i], depth + 1)),
    };
  if (typeof value === "object") {
    const entries = new Map<string, AnswerValue>();
    for (const [key, item] of Object.entries(value))
      entries.set(key, answerValueOf(item, [...path, key], depth + 1));
    return { type: "map", entries };
  }
  return fail(path, `an answer cannot hold ${describe(value)}`);
}
