// Worker thread body: grades the files the pool sends, one message per file.
import { parentPort, workerData } from "node:worker_threads";
import { gradeAnswerFile } from "@nnkit/grading";
import type { GradeRequest, GradeResponse } from "./pool.js";

const { assignment } = workerData as { assignment: string };

parentPort?.on("message", async (request: GradeRequest) => {
  const result = await gradeAnswerFile(request.path, { assignment });
  const response: GradeResponse = { index: request.index, result };
  parentPort?.postMessage(response);
});
