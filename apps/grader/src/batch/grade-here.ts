// One file graded on this thread, for `check` and `gradescope run`: no worker thread to start and
// no second copy of grading to load (the command has loaded it to resolve the assignment), which
// is most of what a single file used to cost. The file gets its budget in WALL time here (vm's
// timeout interrupts synchronous code, solver waits included). Wall time is at least CPU time, so
// a file that finishes is within its CPU budget; one interrupted after using its whole CPU budget
// is stopped as a worker would stop it; any other (a loaded machine, a crash) is graded again on a
// worker by the pool, whose budget counts CPU time: the verdict never depends on the machine's load.
import { runInThisContext } from "node:vm";
import type { GradeResult } from "@nnkit/grading";
import { useBundledSolver } from "./bundled-solver.js";
import type { AnswerFileRef } from "./discover.js";
import { prepareGrade } from "./grade-file.js";
import {
  type BatchOptions,
  budgetMessage,
  DEFAULT_TIME_LIMIT_SECONDS,
  type GradedFile,
  gradeFiles,
  stoppedResult,
} from "./pool.js";
import { currentThreadId, threadCpuSeconds } from "./thread-clock.js";

type HereOptions = Omit<BatchOptions, "jobs" | "workers" | "onGraded">;

/** What the in-thread attempt gave: a result, or why the pool has to grade the file instead. */
type Attempt = { ok: true; result: GradeResult } | { ok: false; overran: boolean };

// The global name through which vm's script calls the grading (it runs in this same context).
const ENTRY = "__nnkitGradeHere";

/** Runs `fn` and throws ERR_SCRIPT_EXECUTION_TIMEOUT when it runs longer than `ms` of wall time. */
export function withWallTimeout<T>(ms: number, fn: () => T): T {
  const global = globalThis as Record<string, unknown>;
  global[ENTRY] = fn;
  try {
    return runInThisContext(`${ENTRY}()`, { timeout: Math.max(1, Math.floor(ms)) }) as T;
  } finally {
    delete global[ENTRY];
  }
}

const isTimeout = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT";

async function attempt(
  path: string,
  options: HereOptions,
  budgetMs: number,
  onStudent: (student: GradeResult["student"]) => void,
): Promise<Attempt> {
  useBundledSolver();
  const tid = currentThreadId();
  let cpuStart: number | undefined;
  try {
    const grade = await prepareGrade(path, options, onStudent);
    cpuStart = tid === undefined ? undefined : threadCpuSeconds(tid);
    return { ok: true, result: withWallTimeout(budgetMs, grade) };
  } catch (error) {
    const cpuEnd = tid === undefined ? undefined : threadCpuSeconds(tid);
    const cpuMs = cpuStart === undefined || cpuEnd === undefined ? 0 : 1000 * (cpuEnd - cpuStart);
    return { ok: false, overran: isTimeout(error) && cpuMs >= budgetMs };
  }
}

/** Grades one file here within its budget, or on a worker when this thread cannot (see above). */
export async function gradeHere(file: AnswerFileRef, options: HereOptions): Promise<GradedFile> {
  const budgetMs = 1000 * (options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS);
  let student: GradeResult["student"] = { id: "", name: "" };
  const here = await attempt(file.path, options, budgetMs, (named) => {
    student = named;
  });
  if (here.ok) return { file, result: here.result };
  if (here.overran) {
    const { loadAssignment, unreadableQuestion } = await import("@nnkit/grading");
    const definition = await loadAssignment(options.assignment).catch(() => undefined);
    const reason = budgetMessage(budgetMs);
    return { file, result: stoppedResult(definition, student, reason, unreadableQuestion) };
  }
  const [graded] = await gradeFiles([file], { ...options, jobs: 1 });
  return graded!;
}
