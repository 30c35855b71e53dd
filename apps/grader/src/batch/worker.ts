// A grading thread: loads the grading machinery, says it is ready, then grades the files the pool
// sends, one at a time (grade-file.ts), naming each file's student before grading it.
import { parentPort } from "node:worker_threads";
import { enableCompileCache } from "../compile-cache.js";
import type { GradeRequest, WorkerMessage } from "./pool.js";
import { currentThreadId } from "./thread-clock.js";

// Before grading's code is loaded, so that Node (≥ 22.1) can keep its compiled form on disk.
enableCompileCache();
const { prepareGrade, useBundledSolver } = await import("./grade-file.js");
const { decisionTotals } = await import("@nnkit/grading");
useBundledSolver();

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

parentPort?.on("message", async ({ index, path, options }: GradeRequest) => {
  const grade = await prepareGrade(path, options, (student) =>
    post({ type: "student", index, student }),
  );
  const result = grade();
  post({ type: "graded", index, result, decisions: decisionTotals() });
});

post({ type: "ready", tid: currentThreadId() });
