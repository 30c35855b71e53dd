// Where the solver thread finds @nnkit/threshold and @nnkit/cost when the grader runs from its
// bundle in dist/, which has no node_modules beside it: the bundled entries next to it.
import { setSolverModules } from "@nnkit/grading";

/** Points solver threads started afterwards at the bundle's own threshold and cost entries. */
export function useBundledSolver(): void {
  setSolverModules({
    threshold: new URL("./solver-threshold.js", import.meta.url).href,
    cost: new URL("./solver-cost.js", import.meta.url).href,
  });
}
