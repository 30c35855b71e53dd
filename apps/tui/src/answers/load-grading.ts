// @nnkit/grading and the chosen assignment, loaded together where the grader runs (a worker
// thread in the app, the main thread in component tests).
import type { Assignment } from "@nnkit/grading";
import type { AssignmentChoice } from "./assignment-choice.js";

export type Grading = typeof import("@nnkit/grading");

/** The grader and the assignment every request is answered for. */
export interface LoadedGrading {
  readonly grading: Grading;
  readonly assignment: Assignment;
}

/** Rejects with an Error whose message is one line: what could not be loaded, and where. */
export async function loadGrading(choice: AssignmentChoice): Promise<LoadedGrading> {
  const grading = await import("@nnkit/grading").catch((error: unknown) => {
    throw new Error(`cannot load @nnkit/grading: ${(error as Error).message}`);
  });
  try {
    return {
      grading,
      assignment: await grading.loadAssignment(choice.source, { cwd: choice.cwd }),
    };
  } catch (error) {
    throw new Error((error as Error).message.split("\n")[0]);
  }
}
