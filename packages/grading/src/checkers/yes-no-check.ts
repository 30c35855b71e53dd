import { readYesNo } from "../answers/read-values.js";
import { type Check, DIRECT, graded, invalid } from "./check.js";

/** A yes/no answer, e.g. "is the solution unique?". */
export function yesNoCheck(options: {
  readonly reference: boolean;
  readonly explainWrong: string;
}): Check {
  return {
    kind: "yes-no",
    grade(answer) {
      const value = readYesNo(answer, "the answer");
      if (!value.ok) return invalid(value.message);
      return value.value === options.reference
        ? graded(1, { kind: "correct" }, { scope: DIRECT })
        : graded(0, {
            kind: "yes-no-wrong",
            given: value.value,
            explanation: options.explainWrong,
          });
    },
  };
}
