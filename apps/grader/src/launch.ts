// nnkit-grade's entry (dist/cli.js): runs the program, dist/nnkit-grade.cjs, with V8's code cache
// (run-cached.ts).
import { runCached } from "./run-cached.js";

declare const NNKIT_PROGRAM_HASH: string;

runCached(
  new URL("./nnkit-grade.cjs", import.meta.url),
  "nnkit-grade",
  NNKIT_PROGRAM_HASH,
  (specifier) => import(specifier),
);
