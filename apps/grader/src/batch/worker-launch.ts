// A grading thread's entry (dist/grading-worker.js): runs the worker's program,
// dist/grading-worker.cjs (worker.ts), with V8's code cache (run-cached.ts).
import { runCached } from "../run-cached.js";

declare const NNKIT_PROGRAM_HASH: string;

runCached(
  new URL("./grading-worker.cjs", import.meta.url),
  "grading-worker",
  NNKIT_PROGRAM_HASH,
  (specifier) => import(specifier),
);
