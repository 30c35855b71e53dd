// A verifying thread of `verifyParallel`: checks its part of the box and posts the verdict.
import { parentPort, workerData } from "node:worker_threads";
import { type PartAnswer, type PartRequest, verifyRequestedPart } from "./parallel.js";

let answer: PartAnswer;
try {
  answer = { ok: true, verification: verifyRequestedPart(workerData as PartRequest) };
} catch (error) {
  answer = { ok: false, reason: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(answer);
