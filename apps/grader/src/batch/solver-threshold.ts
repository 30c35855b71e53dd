// A bundle entry: @nnkit/threshold for grading's solver thread (see worker.ts, scripts/bundle.mjs).
export * from "@nnkit/threshold";
