// Worker thread entry: self-checks an answer file (threshold questions verify networks over
// thousands of inputs, which would freeze the screen on the main thread).
import { parentPort } from "node:worker_threads";
import { gradeAnswerText } from "@nnkit/grading";

parentPort?.once("message", (text: string) => {
  parentPort?.postMessage(gradeAnswerText(text, { audience: "student" }));
});
