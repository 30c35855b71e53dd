// Grades many files, inline (one job) or on worker threads (several jobs). @nnkit/grading never
// throws for a bad file, so a hostile file costs one result, not the batch; a crashed worker is
// replaced and its file reported as invalid.
import { Worker } from "node:worker_threads";
import type { GradeResult, QuestionResult } from "@nnkit/grading";
import type { AnswerFileRef } from "./discover.js";

export interface GradeRequest {
  index: number;
  path: string;
  assignment: string;
}

export interface GradeResponse {
  index: number;
  result: GradeResult;
}

export interface GradedFile {
  file: AnswerFileRef;
  result: GradeResult;
}

export interface BatchOptions {
  assignment: string;
  jobs: number;
  /** Workers started earlier with `startWorkers` (so they load while the caller prepares). */
  workers?: Worker[];
  onGraded?: (graded: GradedFile, done: number, total: number) => void;
}

/**
 * Grades `files` with `jobs` graders: the main thread (which has @nnkit/grading loaded anyway)
 * and `jobs - 1` worker threads, all taking the next file from one queue. Loading the grading
 * machinery costs about a second per thread, so the main thread does its share.
 */
export async function gradeFiles(
  files: readonly AnswerFileRef[],
  options: BatchOptions,
): Promise<GradedFile[]> {
  const results: GradedFile[] = new Array(files.length);
  let done = 0;
  let next = 0;
  const take = (): number | undefined => (next < files.length ? next++ : undefined);
  const record = (index: number, result: GradeResult): void => {
    const graded = { file: files[index]!, result };
    results[index] = graded;
    done += 1;
    options.onGraded?.(graded, done, files.length);
  };
  const jobs = Math.max(1, Math.min(options.jobs, files.length));
  const workers = (options.workers ?? startWorkers(jobs - 1)).map((worker) =>
    driveWorker(worker, files, options.assignment, take, record),
  );
  // Loaded here, not at the top, so that workers started by the caller load in parallel.
  const { gradeAnswerFile } = await import("@nnkit/grading");
  for (let index = take(); index !== undefined; index = take()) {
    record(index, await gradeAnswerFile(files[index]!.path, { assignment: options.assignment }));
  }
  await Promise.all(workers);
  return results;
}

function crashedResult(file: AnswerFileRef, reason: string): GradeResult {
  return {
    assignment: "",
    student: { id: "", name: "" },
    score: 0,
    max_score: 0,
    questions: [crashedQuestion(`${file.relativePath}: grading crashed: ${reason}`)],
  };
}

/**
 * The one question of a crashed file. Built here, not by @nnkit/grading's `unreadableQuestion`,
 * because the main thread never loads the grader; its feedback is the item's message as is.
 */
function crashedQuestion(message: string): QuestionResult {
  return {
    id: "file",
    score: 0,
    max_score: 0,
    status: "invalid",
    feedback: message,
    items: [
      {
        key: "",
        part: "",
        verdict: "invalid",
        share: 1,
        earned: 0,
        finding: { kind: "unreadable", message },
        message,
      },
    ],
  };
}

/** Requests in flight per worker, so it never waits on a busy main thread for its next file. */
const PIPELINE_DEPTH = 4;

const workerUrl = new URL("./worker.js", import.meta.url);

/** Starts `count` grading worker threads; each loads @nnkit/grading right away. */
export function startWorkers(count: number): Worker[] {
  return Array.from({ length: Math.max(0, count) }, () => new Worker(workerUrl));
}

/** Feeds one worker from the queue until it is empty, then stops it. */
function driveWorker(
  worker: Worker,
  files: readonly AnswerFileRef[],
  assignment: string,
  take: () => number | undefined,
  record: (index: number, result: GradeResult) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const inFlight = new Set<number>();
    const feed = (): void => {
      while (inFlight.size < PIPELINE_DEPTH) {
        const index = take();
        if (index === undefined) break;
        inFlight.add(index);
        worker.postMessage({ index, path: files[index]!.path, assignment } satisfies GradeRequest);
      }
      if (inFlight.size === 0) void worker.terminate().then(() => resolve());
    };
    worker.on("message", (response: GradeResponse) => {
      inFlight.delete(response.index);
      record(response.index, response.result);
      feed();
    });
    // A crashed worker loses only the files it held; a fresh worker takes over the queue.
    worker.on("error", (error) => {
      for (const index of inFlight) record(index, crashedResult(files[index]!, error.message));
      inFlight.clear();
      driveWorker(startWorkers(1)[0]!, files, assignment, take, record).then(resolve);
    });
    feed();
  });
}
