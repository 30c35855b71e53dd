// A bundle entry: @nnkit/threshold for grading's solver thread (see grade-worker.ts), which loads
// only where the z3 solver is installed beside the app (solver-present.ts).
import { requireSolver } from "./solver-present.js";

requireSolver(import.meta.url);

export * from "@nnkit/threshold";
