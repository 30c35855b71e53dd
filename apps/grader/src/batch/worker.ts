// A grading thread: loads the grading machinery, says it is ready, then grades the files the pool
// sends, one at a time. It names a file's student before grading it, so that a file stopped for
// running out of time is still reported under its student.
import { readFile, stat } from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import type { Assignment } from "@nnkit/grading";
import { enableCompileCache } from "../compile-cache.js";
import type { GradeRequest, WorkerMessage } from "./pool.js";
import { currentThreadId } from "./thread-clock.js";

// Before grading's code is loaded, so that Node (≥ 22.1) can keep its compiled form on disk.
enableCompileCache();
const {
  FILE_LIMITS,
  gradeAnswerFile,
  gradeAnswerText,
  loadAssignment,
  setSolverModules,
  unreadableQuestion,
  withStudentVariants,
} = await import("@nnkit/grading");

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

// Each source (an id, or an absolute path) is loaded once per thread; the pool's thread has loaded
// it before, so a failure here is rare (the file changed meanwhile) and is reported per file.
const loaded = new Map<string, Promise<Assignment>>();
function assignment(source: string): Promise<Assignment> {
  const found = loaded.get(source) ?? loadAssignment(source);
  loaded.set(source, found);
  return found;
}

function notLoaded(source: string, error: unknown) {
  const reason = `cannot load the assignment ${source}: ${(error as Error).message ?? error}`;
  return {
    assignment: "",
    student: { id: "", name: "" },
    score: 0,
    max_score: 0,
    questions: [unreadableQuestion("assignment", 0, reason)],
  };
}

parentPort?.on("message", async ({ index, path, options }: GradeRequest) => {
  let definition: Assignment;
  try {
    definition = await assignment(options.assignment);
  } catch (error) {
    post({ type: "graded", index, result: notLoaded(options.assignment, error) });
    return;
  }
  const grade = {
    audience: options.audience,
    assignment: options.handoutNumbers ? withStudentVariants(definition, false) : definition,
    now: options.now ? new Date(options.now) : undefined,
  };
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
