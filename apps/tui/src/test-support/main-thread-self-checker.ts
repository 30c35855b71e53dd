// A self-checker for component tests, which run TypeScript sources and so cannot start the
// built grade-worker.js: it grades on the main thread after the current render.
import { gradeAnswerText } from "@nnkit/grading";
import type { SelfChecker } from "../answers/self-check.js";

export const mainThreadSelfChecker: SelfChecker = (answerText) => ({
  done: new Promise((resolve) =>
    setImmediate(() => resolve(gradeAnswerText(answerText, { audience: "student" }))),
  ),
  cancel: () => {},
});
