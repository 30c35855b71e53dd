import { formatTrace } from "./format.js";
import type { Verification } from "./verify.js";

/** How much of the box a verification covered, in words: "all 6561 inputs", "16 of 6561 …". */
function coverage(result: Verification, all: boolean): string {
  const skipped =
    result.skipped > 0
      ? ` (${result.checked} checked; ${result.skipped} skipped, outside ${result.assumption})`
      : "";
  const part = all ? `all ${result.total}` : `${result.visited} of ${result.total}`;
  return `${part} inputs${skipped}`;
}

/** A human summary of a verification, e.g. for a grader's feedback. */
export function formatVerification(result: Verification): string {
  switch (result.status) {
    case "pass":
      // Only the enumerated box: "box pass", never "computes"; decide() is what proves.
      return `box pass: matches ${result.target} on ${coverage(result, true)}`;
    case "incomplete":
      return (
        `incomplete: time budget ran out after ${coverage(result, false)}; no counterexample so far` +
        (result.completeUpTo === null
          ? ""
          : `; every input with max |x| ≤ ${result.completeUpTo} is correct`)
      );
    case "fail": {
      const { input, expected, actual, trace } = result.counterexample;
      return [
        `fail: network does not compute ${result.target}; first counterexample after ${coverage(result, false)}`,
        `counterexample x = [${input.join(", ")}]: expected [${expected.join(", ")}], got [${actual.join(", ")}]`,
        formatTrace(trace),
      ].join("\n");
    }
  }
}
