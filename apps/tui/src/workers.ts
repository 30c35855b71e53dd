// Where the worker threads' entry files are: scripts/bundle.mjs builds them into dist/ under their
// source paths. This module sits at the root of src so that the URLs resolve the same from tsc's
// dist/workers.js and from the bundled binary, whose chunks all sit at the root of dist.
export const gradingWorkerUrl = new URL("./answers/grading-worker.js", import.meta.url);
export const gradeWorkerUrl = new URL("./answers/grade-worker.js", import.meta.url);
export const verifyWorkerUrl = new URL("./screens/threshold/verify-worker.js", import.meta.url);
/** What grading's solver thread imports in the app: the bundled threshold and cost entries. */
export const solverModules = {
  threshold: new URL("./answers/solver-threshold.js", import.meta.url).href,
  cost: new URL("./answers/solver-cost.js", import.meta.url).href,
};
