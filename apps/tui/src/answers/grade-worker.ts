// Worker thread entry: self-checks an answer file against the chosen assignment (threshold
// questions verify networks over thousands of inputs, which would freeze the screen on the main
// thread). An assignment that does not load is thrown, which the app shows as the failure.
import { parentPort, workerData } from "node:worker_threads";
import { solverModules } from "../workers.js";
import type { AssignmentChoice } from "./assignment-choice.js";
import { loadGrading } from "./load-grading.js";

const loading = loadGrading(workerData as AssignmentChoice);
loading.catch(() => {}); // thrown below, once there is a file to check

parentPort?.once("message", async (text: string) => {
  const { grading, assignment } = await loading;
  // This file runs only as the bundle's worker, with no nnkit packages installed beside it: the
  // solver thread (started on the first proof) imports the bundled entries (solver-threshold.ts).
  grading.setSolverModules(solverModules);
  parentPort?.postMessage(grading.gradeAnswerText(text, { audience: "student", assignment }));
});
