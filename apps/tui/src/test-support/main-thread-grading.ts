// A grading service for component tests, which run TypeScript sources and so cannot start the
// built grading-worker.js: it answers on the main thread as soon as it is asked (screens ask in
// effects, after their render), so the answer is drawn in the render right after the key's.
import { type AssignmentChoice, defaultChoice } from "../answers/assignment-choice.js";
import { type GradingService, rememberingService } from "../answers/grading.js";
import { answerRequest } from "../answers/grading-requests.js";
import { loadGrading } from "../answers/load-grading.js";

/** The service for an assignment, loaded at the first request as the worker loads it. */
export function mainThreadGradingFor(choice: AssignmentChoice): GradingService {
  let loading: ReturnType<typeof loadGrading> | undefined;
  return rememberingService(async (request) => {
    loading ??= loadGrading(choice);
    try {
      return answerRequest(await loading, request);
    } catch (error) {
      return error as Error;
    }
  });
}

export const mainThreadGrading: GradingService = mainThreadGradingFor(defaultChoice);
