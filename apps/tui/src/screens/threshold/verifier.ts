// Where verification runs. The app uses a worker thread (the built verify-worker.js); component
// tests, which run the TypeScript sources, supply one on the main thread.
import { Worker } from "node:worker_threads";
import { createContext, useContext } from "react";
import { verifyWorkerUrl } from "../../workers.js";
import type { ProgressReport, VerificationJob, VerificationOutcome } from "./verification.js";

export interface RunningVerification {
  done: Promise<VerificationOutcome>;
  cancel(): void;
}

export type Verifier = (
  job: VerificationJob,
  onProgress: (progress: ProgressReport) => void,
) => RunningVerification;

type WorkerMessage =
  | { kind: "progress"; progress: ProgressReport }
  | { kind: "done"; outcome: VerificationOutcome };

/** Runs each job in a fresh worker thread; cancelling terminates the thread. */
export function workerVerifier(workerUrl: URL): Verifier {
  return (job, onProgress) => {
    const worker = new Worker(workerUrl);
    const done = new Promise<VerificationOutcome>((resolve) => {
      worker.on("message", (message: WorkerMessage) => {
        if (message.kind === "progress") onProgress(message.progress);
        else {
          resolve(message.outcome);
          void worker.terminate();
        }
      });
      worker.on("error", (error) => resolve({ status: "error", summary: error.message }));
      worker.on("exit", () => resolve({ status: "error", summary: "verification stopped" }));
    });
    worker.postMessage(job);
    return { done, cancel: () => void worker.terminate() };
  };
}

/** The worker shipped with the app. */
export const defaultVerifier: Verifier = workerVerifier(verifyWorkerUrl);

export const VerifierContext = createContext<Verifier>(defaultVerifier);

export function useVerifier(): Verifier {
  return useContext(VerifierContext);
}
