import { formatTrace } from "./format.js";
import type { Verification } from "./verify.js";

/** A human summary of a verification, e.g. for a grader's feedback. */
export function formatVerification(result: Verification): string {
  const filtered =
    result.skipped > 0 ? `, ${result.skipped} skipped by assumption (${result.assumption})` : "";
  const counts = `checked ${result.checked} of ${result.total} inputs${filtered}`;
  switch (result.status) {
    case "pass":
      // Only the enumerated box: "box pass", never "computes"; decide() is what proves.
      return `box pass: matches ${result.target}; ${counts}`;
    case "incomplete":
      return (
        `incomplete: time budget ran out; ${counts}; no counterexample so far` +
        (result.completeUpTo === null
          ? ""
          : `; every input with max |x| ≤ ${result.completeUpTo} is correct`)
      );
    case "fail": {
      const { input, expected, actual, trace } = result.counterexample;
      return [
        `fail: network does not compute ${result.target}; ${counts}`,
        `counterexample x = [${input.join(", ")}]: expected [${expected.join(", ")}], got [${actual.join(", ")}]`,
        formatTrace(trace),
      ].join("\n");
    }
  }
}
