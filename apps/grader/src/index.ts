// Programmatic surface of the grader app: the pieces `nnkit-grade` is assembled from, for scripts
// that want the batch machinery without the CLI. Grading itself lives in @nnkit/grading.
export {
  type AnswerFileRef,
  type Discovery,
  discoverAnswerFiles,
  type SkippedEntry,
} from "./batch/discover.js";
export { type BatchOptions, type GradedFile, gradeFiles } from "./batch/pool.js";
export { ExitCode } from "./exit-codes.js";
export { writeFileAtomic } from "./output/atomic.js";
export { feedbackMarkdown, textReport } from "./output/feedback.js";
export { gradebookCsv } from "./output/gradebook.js";
export {
  type GradescopeResults,
  type GradescopeTest,
  gradescopeResults,
  questionVisibility,
  type SubmissionMetadata,
} from "./output/gradescope-results.js";
export { type KeyedResult, keyResults } from "./output/student-key.js";
export { batchStats, summaryMarkdown } from "./output/summary.js";
