// Where the self-check runs: the visible checks of @nnkit/grading (audience "student", so hidden
// checks are never revealed), in a worker thread shipped with the app.
import { Worker } from "node:worker_threads";
import type { GradeResult } from "@nnkit/grading";
import { gradeWorkerUrl } from "../workers.js";
import { type AssignmentChoice, defaultChoice } from "./assignment-choice.js";

export interface RunningCheck {
  done: Promise<GradeResult | Error>;
  cancel(): void;
}

export type SelfChecker = (answerText: string) => RunningCheck;

export function workerSelfChecker(workerUrl: URL, choice: AssignmentChoice): SelfChecker {
  return (answerText) => {
    const worker = new Worker(workerUrl, { workerData: choice });
    const done = new Promise<GradeResult | Error>((resolve) => {
      worker.once("message", (result: GradeResult) => {
        resolve(result);
        void worker.terminate();
      });
      worker.once("error", resolve);
      worker.once("exit", () => resolve(new Error("the self-check stopped")));
    });
    worker.postMessage(answerText);
    return { done, cancel: () => void worker.terminate() };
  };
}

/** The worker shipped with the app, for the chosen assignment. */
export function appSelfChecker(choice: AssignmentChoice): SelfChecker {
  return workerSelfChecker(gradeWorkerUrl, choice);
}

export const defaultSelfChecker: SelfChecker = appSelfChecker(defaultChoice);
