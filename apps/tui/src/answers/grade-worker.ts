// Worker thread entry: self-checks an answer file against the chosen assignment (threshold
// questions verify networks over thousands of inputs, which would freeze the screen on the main
// thread). An assignment that does not load is thrown, which the app shows as the failure.
import { parentPort, workerData } from "node:worker_threads";
import type { AssignmentChoice } from "./assignment-choice.js";
import { loadGrading } from "./load-grading.js";

const loading = loadGrading(workerData as AssignmentChoice);
loading.catch(() => {}); // thrown below, once there is a file to check

parentPort?.once("message", async (text: string) => {
  const { grading, assignment } = await loading;
  parentPort?.postMessage(grading.gradeAnswerText(text, { audience: "student", assignment }));
});
