// A grading thread: loads the grading machinery, says it is ready, then grades the files the pool
// sends, one at a time. It names a file's student before grading it, so that a file stopped for
// running out of time is still reported under its student.
import { readFile, stat } from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import { enableCompileCache } from "../compile-cache.js";
import type { GradeRequest, WorkerMessage } from "./pool.js";
import { currentThreadId } from "./thread-clock.js";

// Before grading's code is loaded, so that Node (≥ 22.1) can keep its compiled form on disk.
enableCompileCache();
const { FILE_LIMITS, gradeAnswerFile, gradeAnswerText, setSolverModules } = await import(
  "@nnkit/grading"
);

// This file runs only as dist/grading-worker.js, a bundle with no node_modules beside it: the
// solver thread (started on the first proof) imports the bundled threshold and cost entries.
setSolverModules({
  threshold: new URL("./solver-threshold.js", import.meta.url).href,
  cost: new URL("./solver-cost.js", import.meta.url).href,
});

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

/** The file's text when it is small enough to be an answer file (else grading says why not). */
async function answerText(path: string): Promise<string | undefined> {
  try {
    if ((await stat(path)).size > 4 * FILE_LIMITS.maxCharacters) return undefined;
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

parentPort?.on("message", async ({ index, path, options }: GradeRequest) => {
  const grade = { ...options, now: options.now ? new Date(options.now) : undefined };
  const text = await answerText(path);
  if (text === undefined) {
    post({ type: "graded", index, result: await gradeAnswerFile(path, grade) });
    return;
  }
  post({
    type: "graded",
    index,
    result: gradeAnswerText(text, {
      ...grade,
      onStudent: (student) => post({ type: "student", index, student }),
    }),
  });
});

post({ type: "ready", tid: currentThreadId() });
