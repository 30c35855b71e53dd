// A grading service for component tests, which run TypeScript sources and so cannot start the
// built grading-worker.js: it answers on the main thread as soon as it is asked (screens ask in
// effects, after their render), so the answer is drawn in the render right after the key's.
import * as grading from "@nnkit/grading";
import { type GradingService, rememberingService } from "../answers/grading.js";
import { answerRequest } from "../answers/grading-requests.js";

export const mainThreadGrading: GradingService = rememberingService((request) =>
  Promise.resolve(answerRequest(grading, request)),
);
