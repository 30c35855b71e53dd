// Worker thread entry: runs one verification job and reports progress, then the outcome, so that
// the app keeps answering keys while millions of inputs are checked.
import { parentPort } from "node:worker_threads";
import { runVerification, type VerificationJob } from "./verification.js";

parentPort?.once("message", (job: VerificationJob) => {
  const outcome = runVerification(job, (progress) =>
    parentPort?.postMessage({ kind: "progress", progress }),
  );
  parentPort?.postMessage({ kind: "done", outcome });
});
