// Worker threads kept between calls (for verifyParallel). Starting a thread and loading the
// verifier into it costs tens of milliseconds, and its compiled code warms up again each time: on
// a large box that is a visible share of every call when paid per call. An idle thread is unref'd,
// so it never keeps the process alive; a thread that fails or exits is dropped.
import type { Worker } from "node:worker_threads";

type WorkerClass = typeof import("node:worker_threads").Worker;

const idle = new Map<string, Worker[]>();

/**
 * Posts `request` to an idle thread running `script` (started if none is) before returning, so the
 * thread works while the caller does; the promise is its answer.
 */
export function onPooledThread<Request, Answer>(
  Worker: WorkerClass,
  script: URL,
  request: Request,
): Promise<Answer> {
  const key = script.href;
  const pool = idle.get(key) ?? [];
  idle.set(key, pool);
  let worker = pool.pop();
  if (worker === undefined) {
    const started = new Worker(script);
    // A thread that dies while idle leaves the pool (a busy one's caller is told, below).
    started.on("exit", () => {
      const at = pool.indexOf(started);
      if (at >= 0) pool.splice(at, 1);
    });
    worker = started;
  }
  const thread = worker;
  thread.ref();
  return new Promise<Answer>((resolve, reject) => {
    const fail = (error: Error) => {
      thread.off("message", answer);
      void thread.terminate();
      reject(error);
    };
    const failed = (error: Error) => {
      thread.off("exit", exited);
      fail(error);
    };
    const exited = (code: number) => {
      thread.off("error", failed);
      fail(new Error(`verification thread stopped (${code})`));
    };
    const answer = (message: Answer) => {
      thread.off("error", failed);
      thread.off("exit", exited);
      thread.unref();
      pool.push(thread);
      resolve(message);
    };
    thread.once("message", answer);
    thread.once("error", failed);
    thread.once("exit", exited);
    thread.postMessage(request);
  });
}
