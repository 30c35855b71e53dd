// What two threads can give on this machine right now: the same fixed arithmetic done by this
// thread alone, and split between it and a worker thread. On a shared machine the other jobs'
// load caps any parallel speed-up; this row says how far, beside the rows that need both cores.
import { Worker } from "node:worker_threads";

function work(n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.sqrt(i + (s % 7));
  return s;
}

/** Units of work per call: about a second on one core of this machine. */
export const CEILING_WORK = 2e8;

export function oneThread(): number {
  return work(CEILING_WORK);
}

export async function twoThreads(): Promise<number> {
  // The worker runs the same function, from its source.
  const worker = new Worker(
    `const work = ${work.toString()};
     const { parentPort, workerData } = require("node:worker_threads");
     parentPort.postMessage(work(workerData));`,
    { eval: true, workerData: CEILING_WORK / 2 },
  );
  const theirs = new Promise<number>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  const mine = work(CEILING_WORK / 2);
  const total = mine + (await theirs);
  await worker.terminate();
  return total;
}
