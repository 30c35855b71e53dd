// Worker thread body: loads the grading machinery as soon as it starts (while the main thread
// loads its own copy), then grades the files the pool sends, one message per file.
import { parentPort } from "node:worker_threads";
import { gradeAnswerFile } from "@nnkit/grading";
import type { GradeRequest, GradeResponse } from "./pool.js";

parentPort?.on("message", async (request: GradeRequest) => {
  const result = await gradeAnswerFile(request.path, { assignment: request.assignment });
  const response: GradeResponse = { index: request.index, result };
  parentPort?.postMessage(response);
});
