// The app does not ship the z3 solver (33 MB of WebAssembly, more than the rest of the app twice
// over): grading's solver thread finds it only where z3-solver is installed beside the app. Where
// it is not, the thread's modules refuse to load with this reason, which the self-check shows
// with what it did check (the box it enumerated), so the answer goes to `review`, never `correct`.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const noSolverReason =
  "this app has no z3 solver (install z3-solver beside it to prove here; nnkit-grade proves it)";

/**
 * Throws `noSolverReason` unless `import("z3-solver")` from the module `from` (a file URL) finds
 * the package: in a node_modules folder of the module's folder or of one above it, as an ES
 * module's import looks (NODE_PATH is not looked at).
 */
export function requireSolver(from: string): void {
  let folder = dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(join(folder, "node_modules", "z3-solver", "package.json"))) return;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(noSolverReason);
    folder = parent;
  }
}
