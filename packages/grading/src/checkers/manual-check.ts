import { readText } from "../answers/read-values.js";
import type { Check } from "./check.js";

/** Free text kept for a person to grade; its score merges in later from a manual-scores file. */
export function manualCheck(): Check {
  return {
    kind: "manual",
    grade(answer) {
      const text = readText(answer, "the answer");
      if (!text.ok) return { status: "invalid", feedback: text.message };
      if (text.value.trim() === "") return { status: "invalid", feedback: "the answer is empty" };
      const words = text.value.trim().split(/\s+/).length;
      return { status: "manual", feedback: `kept for a person to grade (${words} words)` };
    },
  };
}
