// A verifying thread of `verifyParallel`, kept between calls: for each request, takes blocks of
// the box until none is left and posts what its share found.
import { parentPort } from "node:worker_threads";
import { type ShareAnswer, type ShareRequest, verifyRequestedShare } from "./parallel.js";

parentPort?.on("message", (request: ShareRequest) => {
  let answer: ShareAnswer;
  try {
    answer = { ok: true, share: verifyRequestedShare(request) };
  } catch (error) {
    answer = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
