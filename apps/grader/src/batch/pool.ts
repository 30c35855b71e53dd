// Grades many files, inline (one job) or on worker threads (several jobs). @nnkit/grading never
// throws for a bad file, so a hostile file costs one result, not the batch; a crashed worker is
// replaced and its file reported as invalid.
import { Worker } from "node:worker_threads";
import { type GradeResult, gradeAnswerFile } from "@nnkit/grading";
import type { AnswerFileRef } from "./discover.js";

export interface GradeRequest {
  index: number;
  path: string;
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
  onGraded?: (graded: GradedFile, done: number, total: number) => void;
}

export async function gradeFiles(
  files: readonly AnswerFileRef[],
  options: BatchOptions,
): Promise<GradedFile[]> {
  const results: GradedFile[] = new Array(files.length);
  let done = 0;
  const record = (index: number, result: GradeResult): void => {
    const graded = { file: files[index]!, result };
    results[index] = graded;
    done += 1;
    options.onGraded?.(graded, done, files.length);
  };
  const jobs = Math.max(1, Math.min(options.jobs, files.length));
  if (jobs <= 1) {
    for (const [index, file] of files.entries()) {
      record(index, await gradeAnswerFile(file.path, { assignment: options.assignment }));
    }
  } else {
    await gradeOnWorkers(files, options.assignment, jobs, record);
  }
  return results;
}

function crashedResult(file: AnswerFileRef, reason: string): GradeResult {
  return {
    assignment: "",
    student: { id: "", name: "" },
    score: 0,
    max_score: 0,
    questions: [
      {
        id: "file",
        score: 0,
        max_score: 0,
        status: "invalid",
        feedback: `${file.relativePath}: grading crashed: ${reason}`,
      },
    ],
  };
}

function gradeOnWorkers(
  files: readonly AnswerFileRef[],
  assignment: string,
  jobs: number,
  record: (index: number, result: GradeResult) => void,
): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let finished = 0;
    const workerUrl = new URL("./worker.js", import.meta.url);
    const start = (): void => {
      const worker = new Worker(workerUrl, { workerData: { assignment } });
      let current = -1;
      const feed = (): void => {
        if (next >= files.length) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, path: files[current]!.path } satisfies GradeRequest);
      };
      worker.on("message", (response: GradeResponse) => {
        record(response.index, response.result);
        finished += 1;
        if (finished === files.length) resolve();
        feed();
      });
      worker.on("error", (error) => {
        if (current < 0) return;
        record(current, crashedResult(files[current]!, error.message));
        finished += 1;
        current = -1;
        if (finished === files.length) resolve();
        else if (next < files.length) start();
      });
      feed();
    };
    for (let i = 0; i < jobs; i++) start();
  });
}
