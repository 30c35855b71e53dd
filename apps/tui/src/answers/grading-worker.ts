// Worker thread entry: loads @nnkit/grading once (its math parser takes about a second to load,
// which would freeze the screen on the main thread) and answers the screens' requests in order.
import { parentPort } from "node:worker_threads";
import { answerRequest, type GradingReply, type GradingRequest } from "./grading-requests.js";

const loading = import("@nnkit/grading").catch((error: unknown) => {
  throw new Error(`cannot load @nnkit/grading: ${(error as Error).message}`);
});

parentPort?.on("message", async ({ id, request }: { id: number; request: GradingRequest }) => {
  let reply: GradingReply;
  try {
    reply = { id, ok: true, answer: answerRequest(await loading, request) };
  } catch (error) {
    reply = { id, ok: false, message: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
