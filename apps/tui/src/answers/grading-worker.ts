// Worker thread entry: loads @nnkit/grading and the chosen assignment once (the grader's math
// parser takes about a second to load, which would freeze the screen on the main thread) and
// answers the screens' requests in order, for that assignment.
import { parentPort, workerData } from "node:worker_threads";
import { solverModules } from "../workers.js";
import type { AssignmentChoice } from "./assignment-choice.js";
import { answerRequest, type GradingReply, type GradingRequest } from "./grading-requests.js";
import { loadGrading } from "./load-grading.js";

const loading = loadGrading(workerData as AssignmentChoice).then((loaded) => {
  // As in grade-worker.ts: the solver thread imports the bundled entries.
  loaded.grading.setSolverModules(solverModules);
  return loaded;
});
loading.catch(() => {}); // the failure is the answer to every request

parentPort?.on("message", async ({ id, request }: { id: number; request: GradingRequest }) => {
  let reply: GradingReply;
  try {
    reply = { id, ok: true, answer: answerRequest(await loading, request) };
  } catch (error) {
    reply = { id, ok: false, message: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
