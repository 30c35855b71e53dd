// A grading thread: loads the grading machinery, says it is ready, then grades the files the pool
// sends, one at a time. It names a file's student before grading it, so that a file stopped for
// running out of time is still reported under its student.
import { readFile, stat } from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import { FILE_LIMITS, gradeAnswerFile, gradeAnswerText, parseAnswerFile } from "@nnkit/grading";
import type { GradeRequest, WorkerMessage } from "./pool.js";
import { currentThreadId } from "./thread-clock.js";

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
  const parsed = parseAnswerFile(text);
  if (parsed.ok) post({ type: "student", index, student: parsed.file.student });
  post({ type: "graded", index, result: gradeAnswerText(text, grade) });
});

post({ type: "ready", tid: currentThreadId() });
