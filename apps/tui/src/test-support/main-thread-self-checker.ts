// A self-checker for component tests, which run TypeScript sources and so cannot start the
// built grade-worker.js: it grades on the main thread after the current render.
import { type AssignmentChoice, defaultChoice } from "../answers/assignment-choice.js";
import { loadGrading } from "../answers/load-grading.js";
import type { SelfChecker } from "../answers/self-check.js";

export function mainThreadSelfCheckerFor(choice: AssignmentChoice): SelfChecker {
  return (answerText) => ({
    done: loadGrading(choice).then(
      ({ grading, assignment }) =>
        new Promise((resolve) =>
          setImmediate(() =>
            resolve(grading.gradeAnswerText(answerText, { audience: "student", assignment })),
          ),
        ),
      (error: Error) => error,
    ),
    cancel: () => {},
  });
}

export const mainThreadSelfChecker: SelfChecker = mainThreadSelfCheckerFor(defaultChoice);
