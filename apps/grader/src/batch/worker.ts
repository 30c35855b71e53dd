// A grading thread: loads the grading machinery, says it is ready, then grades the files the pool
// sends, one at a time (grade-file.ts), naming each file's student before grading it. Bundled as
// one CommonJS script (dist/grading-worker.cjs) that worker-launch.ts runs with the code cache.
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import {
  decisionTotals,
  type GradeResult,
  proofTotals,
  shareVerdicts,
  useSolverLink,
} from "@nnkit/grading";
import { BY_INDEX, writeStudentFiles } from "../output/student-files.js";
import { boardExchange } from "./board-exchange.js";
import { useBundledSolver } from "./bundled-solver.js";
import { prepareGrade } from "./grade-file.js";
import type { GradeRequest, WorkerMessage } from "./pool.js";
import { currentThreadId } from "./thread-clock.js";

declare const __nnkitCodeCacheReady: (() => void) | undefined;

useBundledSolver();
// Decisions are shared with the batch's other grading threads through the pool's board, and the
// solver is the pool's one (solver-relay.ts).
if (workerData?.board) shareVerdicts(boardExchange(workerData.board));
if (workerData?.solver) useSolverLink(workerData.solver);

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

/** Writes the file's outputs where the pool asked; false if they could not be (it writes them). */
function stage(stageDir: string | undefined, index: number, result: GradeResult): boolean {
  if (stageDir === undefined) return false;
  try {
    writeStudentFiles(join(stageDir, BY_INDEX), String(index), result);
    return true;
  } catch {
    return false;
  }
}

parentPort?.on("message", async ({ index, path, options, stageDir }: GradeRequest) => {
  const grade = await prepareGrade(path, options, (student) =>
    post({ type: "student", index, student }),
  );
  const result = grade();
  // After a first file the code worth caching is compiled (once per worker; a no-op after). Before
  // the result is posted: the pool may terminate a thread whose queue is empty right after.
  if (typeof __nnkitCodeCacheReady === "function") __nnkitCodeCacheReady();
  const identities = proofTotals();
  const decisions = {
    ...decisionTotals(),
    compared: identities.compared,
    recalled: identities.cached,
  };
  const staged = stage(stageDir, index, result);
  post({ type: "graded", index, result, decisions, staged });
});

post({ type: "ready", tid: currentThreadId() });
