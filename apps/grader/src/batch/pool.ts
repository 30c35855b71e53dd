// Grades files on worker threads, each file within a time budget. A file that overruns its budget
// (or crashes its worker) costs one `invalid` result, never the batch: its worker is terminated
// and replaced. The pool's thread grades nothing itself, so it is always free to enforce budgets
// (a single file may be graded on the command's own thread first: grade-here.ts). It also keeps
// what the workers share: the verdicts they decided (verdict-board.ts) and one solver thread
// (solver-relay.ts), so that --jobs changes neither what is decided nor how often.
import { Worker } from "node:worker_threads";
import type { GradeResult, QuestionResult } from "@nnkit/grading";
import type { AnswerFileRef } from "./discover.js";
import { SolverRelay } from "./solver-relay.js";
import { threadCpuSeconds } from "./thread-clock.js";
import { VerdictBoard } from "./verdict-board.js";

/** What a worker grades a file with (dates travel as ISO text). */
export interface WorkerGradeOptions {
  /** A built-in assignment id or an absolute path to an assignment file, which the worker loads. */
  assignment: string;
  audience?: "instructor" | "student";
  now?: string;
  /** Grade with the handout's numbers even for an assignment with per-student variants. */
  handoutNumbers?: boolean;
}

export interface GradeRequest {
  index: number;
  path: string;
  options: WorkerGradeOptions;
  /** Where the worker writes the file's outputs, named by its index (student-files.ts). */
  stageDir?: string;
}

/** Worker → pool: loaded and ready; the student a file names (sent before grading it); a result. */
export type WorkerMessage =
  | { type: "ready"; tid?: number }
  | { type: "student"; index: number; student: GradeResult["student"] }
  | {
      type: "graded";
      index: number;
      result: GradeResult;
      decisions?: DecisionCounts;
      /** The file's outputs are written in the request's `stageDir`. */
      staged?: boolean;
    };

/**
 * Proofs a thread asked of the solver, and those its decision caches answered; identities its
 * symbolic prover compared, and those its proof caches answered.
 */
export interface DecisionCounts {
  readonly solved: number;
  readonly cached: number;
  readonly compared: number;
  readonly recalled: number;
}

export interface GradedFile {
  file: AnswerFileRef;
  result: GradeResult;
}

/** Default per-file time budget, in seconds. */
export const DEFAULT_TIME_LIMIT_SECONDS = 5;

export interface BatchOptions extends WorkerGradeOptions {
  /** Files graded at once, one worker thread each. */
  jobs: number;
  /**
   * CPU seconds one file's grading may take (wall seconds where threads have no CPU clock); a file
   * is also stopped after WALL_FACTOR times as many wall seconds (a file that waits). Default 5.
   */
  timeLimitSeconds?: number;
  /** Workers started earlier with `startWorkers` (so they load while the caller prepares). */
  workers?: GradingWorker[];
  /** The worker script; tests swap in a stand-in. */
  workerScript?: URL;
  /**
   * A folder with the per-student folders (write-outputs.ts `openStaging`), where each worker
   * writes the outputs of the files it grades, named by their index, in parallel with grading.
   */
  stageDir?: string;
  onGraded?: (graded: GradedFile, done: number, total: number) => void;
}

// The bundle puts every module at the root of dist, beside the worker's entry (scripts/bundle.mjs).
const defaultWorkerScript = new URL("./grading-worker.js", import.meta.url);

/** Wall time a file may take, in multiples of its CPU budget (for grading that waits, not works). */
export const WALL_FACTOR = 4;

/** A worker thread, and when it has loaded the grading machinery (it says so once, with its id). */
export interface GradingWorker {
  thread: Worker;
  /** Resolves with the thread's kernel id when its CPU time can be read. */
  ready: Promise<number | undefined>;
}

/** Workers started by `prestartWorkers`, not yet taken by `startWorkers`. */
const prestarted: GradingWorker[] = [];

/**
 * `count` grading worker threads, each loading @nnkit/grading right away: the prestarted ones
 * first (for the default script), then new ones.
 */
export function startWorkers(count: number, script: URL = defaultWorkerScript): GradingWorker[] {
  const taken = script.href === defaultWorkerScript.href ? prestarted.splice(0, count) : [];
  for (const worker of taken) worker.thread.ref();
  return [...taken, ...launch(count - taken.length, script)];
}

/**
 * Starts `count` workers before the command that grades has even loaded (a thread takes tens of
 * milliseconds to start, then loads grading), so that their start overlaps this thread's own
 * loading; `startWorkers` hands them out. Until then they do not keep the process alive.
 */
export function prestartWorkers(count: number): void {
  for (const worker of launch(count, defaultWorkerScript)) {
    worker.thread.unref();
    prestarted.push(worker);
  }
}

/** The verdicts this process's grading threads share (one board: its keys name their scope). */
const board = new VerdictBoard();
/** The one solver thread they ask (started on the first request). */
const solver = new SolverRelay();

/** How each thread gives up its place on the board when it stops. */
const leaving = new WeakMap<Worker, () => void>();

function launch(count: number, script: URL): GradingWorker[] {
  return Array.from({ length: Math.max(0, count) }, () => {
    const seat = board.connect();
    const solverSeat = solver.connect();
    const thread = new Worker(script, {
      workerData: { board: seat.link, solver: solverSeat.link },
      transferList: [seat.link.port, solverSeat.link.port],
    });
    const leave = () => {
      seat.leave();
      solverSeat.leave();
    };
    leaving.set(thread, leave);
    thread.once("exit", leave);
    const ready = new Promise<number | undefined>((resolve) => {
      const onReady = (message: WorkerMessage) => {
        if (message.type !== "ready") return;
        thread.off("message", onReady);
        resolve(message.tid);
      };
      thread.on("message", onReady);
    });
    return { thread, ready };
  });
}

/** Stops a worker thread without waiting for it (V8 stops a busy one at its next check). */
function stop(thread: Worker): Promise<number> {
  leaving.get(thread)?.();
  thread.removeAllListeners();
  thread.on("error", () => {});
  return thread.terminate();
}

/** Grades `files` on `jobs` worker threads taking the next file from one queue. */
export async function gradeFiles(
  files: readonly AnswerFileRef[],
  options: BatchOptions,
): Promise<GradedFile[]> {
  const results: GradedFile[] = new Array(files.length);
  await gradeEach(files, options, (index, graded) => {
    results[index] = graded;
  });
  return results;
}

/**
 * `gradeFiles` without holding the results: each is handed to `onResult` (with its file's index,
 * and whether its outputs are written in `options.stageDir`) as soon as it is graded, in the order
 * files finish, so a batch's memory stays flat in its size.
 */
export async function gradeEach(
  files: readonly AnswerFileRef[],
  options: BatchOptions,
  onResult: (index: number, graded: GradedFile, staged: boolean) => void,
): Promise<DecisionCounts> {
  // Each thread's running totals (a replaced thread keeps its last ones): summed at the end.
  const threads: DecisionCounts[] = [];
  let done = 0;
  let next = 0;
  const take = (): number | undefined => (next < files.length ? next++ : undefined);
  const record = (index: number, result: GradeResult, staged = false): void => {
    const graded = { file: files[index]!, result };
    onResult(index, graded, staged);
    done += 1;
    options.onGraded?.(graded, done, files.length);
  };
  const jobs = Math.max(1, Math.min(options.jobs, files.length));
  const script = options.workerScript ?? defaultWorkerScript;
  // Workers start loading first: this thread's own import of grading then overlaps with theirs.
  const workers = options.workers ?? startWorkers(jobs, script);
  const { loadAssignment, needsSolver, unreadableQuestion } = await import("@nnkit/grading");
  // For the results of stopped files: the question list (undefined if it does not load here).
  const definition = await loadAssignment(options.assignment).catch(() => undefined);
  // z3 loads (about a second) while the workers load and grade their first files.
  if (files.length > 1 && definition !== undefined && needsSolver(definition)) solver.preload();
  const lane: Lane = {
    files,
    request: {
      assignment: options.assignment,
      ...(options.audience ? { audience: options.audience } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.handoutNumbers ? { handoutNumbers: true } : {}),
    },
    budgetMs: 1000 * (options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS),
    ...(options.stageDir ? { stageDir: options.stageDir } : {}),
    script,
    take,
    record,
    hasMore: () => next < files.length,
    stopped: (student, reason) => stoppedResult(definition, student, reason, unreadableQuestion),
    thread: () => {
      const counts = { solved: 0, cached: 0, compared: 0, recalled: 0 };
      threads.push(counts);
      return counts;
    },
  };
  await Promise.all(workers.map((worker) => driveWorker(worker, lane)));
  const total = (count: keyof DecisionCounts) => threads.reduce((sum, t) => sum + t[count], 0);
  return {
    solved: total("solved"),
    cached: total("cached"),
    compared: total("compared"),
    recalled: total("recalled"),
  };
}

interface Lane {
  files: readonly AnswerFileRef[];
  request: WorkerGradeOptions;
  budgetMs: number;
  stageDir?: string;
  script: URL;
  take: () => number | undefined;
  record: (index: number, result: GradeResult, staged?: boolean) => void;
  hasMore: () => boolean;
  stopped: (student: GradeResult["student"], reason: string) => GradeResult;
  /** A new thread's decision counts, which it then keeps up to date. */
  thread: () => { -readonly [K in keyof DecisionCounts]: number };
}

/** The result of a file whose grading was stopped: every question `invalid`, with the reason. */
export function stoppedResult(
  assignment: { id: string; questions: readonly { id: string; points: number }[] } | undefined,
  student: GradeResult["student"],
  reason: string,
  unreadable: (id: string, points: number, reason: string) => QuestionResult,
): GradeResult {
  const questions = (assignment?.questions ?? [{ id: "file", points: 0 }]).map((q) =>
    unreadable(q.id, q.points, reason),
  );
  return {
    assignment: assignment?.id ?? "",
    student,
    score: 0,
    max_score: questions.reduce((sum, q) => sum + q.max_score, 0),
    questions,
  };
}

export function budgetMessage(budgetMs: number): string {
  return `grading stopped: this file ran out of its time budget of ${budgetMs / 1000} s; a person should look at it`;
}

/**
 * Feeds one worker a file at a time (so a timer measures exactly that file) until the queue is
 * empty. A worker that overruns or crashes is terminated and a fresh one takes over the queue.
 */
function driveWorker({ thread, ready }: GradingWorker, lane: Lane): Promise<void> {
  return new Promise((resolve) => {
    let current: number | undefined;
    let student: GradeResult["student"] = { id: "", name: "" };
    let timer: NodeJS.Timeout | undefined;
    let finished = false;
    let loaded = false;
    let tid: number | undefined;
    const decisions = lane.thread();
    const replace = (reason: string): void => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      void stop(thread);
      if (current !== undefined) lane.record(current, lane.stopped(student, reason));
      if (!loaded) {
        // A worker that cannot even load would fail again: report the files instead of respawning.
        for (let index = lane.take(); index !== undefined; index = lane.take()) {
          lane.record(index, lane.stopped({ id: "", name: "" }, reason));
        }
        resolve();
      } else if (lane.hasMore()) {
        driveWorker(startWorkers(1, lane.script)[0]!, lane).then(resolve);
      } else resolve();
    };
    const feed = (): void => {
      current = lane.take();
      student = { id: "", name: "" };
      if (current === undefined) {
        finished = true;
        void stop(thread).then(() => resolve());
        return;
      }
      thread.postMessage({
        index: current,
        path: lane.files[current]!.path,
        options: lane.request,
        ...(lane.stageDir ? { stageDir: lane.stageDir } : {}),
      } satisfies GradeRequest);
      timer = watchBudget(tid, lane.budgetMs, () => replace(budgetMessage(lane.budgetMs)));
    };
    thread.on("message", (message: WorkerMessage) => {
      if (message.type === "ready" || message.index !== current) return;
      if (message.type === "student") {
        student = message.student;
        return;
      }
      clearInterval(timer);
      current = undefined;
      if (message.decisions) Object.assign(decisions, message.decisions);
      lane.record(message.index, message.result, message.staged === true);
      feed();
    });
    thread.on("error", (error) => replace(`grading crashed: ${error.message}`));
    thread.on("exit", () => replace("grading crashed: its worker thread stopped"));
    void ready.then((id) => {
      loaded = true;
      tid = id;
      if (!finished) feed();
    });
  });
}

/**
 * Calls `overrun` once the thread `tid` has spent `budgetMs` of CPU time on the current file, or
 * WALL_FACTOR times that in wall time (wall time alone when the thread has no readable clock).
 */
function watchBudget(tid: number | undefined, budgetMs: number, overrun: () => void) {
  const wallStart = performance.now();
  const cpuStart = tid === undefined ? undefined : threadCpuSeconds(tid);
  const wallLimit = cpuStart === undefined ? budgetMs : WALL_FACTOR * budgetMs;
  const poll = Math.min(100, Math.max(5, budgetMs / 10));
  const timer = setInterval(() => {
    const wall = performance.now() - wallStart;
    const cpu = cpuStart === undefined ? undefined : threadCpuSeconds(tid!);
    const cpuMs = cpu === undefined || cpuStart === undefined ? 0 : 1000 * (cpu - cpuStart);
    if (cpuMs >= budgetMs || wall >= wallLimit) {
      clearInterval(timer);
      overrun();
    }
  }, poll);
  return timer;
}
