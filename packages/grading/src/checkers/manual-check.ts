import { readText } from "../answers/read-values.js";
import { type Check, invalid } from "./check.js";

/** Free text kept for a person to grade; its score merges in later from a manual-scores file. */
export function manualCheck(): Check {
  return {
    kind: "manual",
    grade(answer) {
      const text = readText(answer, "the answer");
      if (!text.ok) return invalid(text.message);
      if (text.value.trim() === "") return invalid("the answer is empty");
      const words = text.value.trim().split(/\s+/).length;
      return {
        status: "manual",
        items: [
          { key: "", verdict: "manual", share: 1, earned: 0, finding: { kind: "manual", words } },
        ],
      };
    },
  };
}
