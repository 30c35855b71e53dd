// A bundle entry: @nnkit/cost for grading's solver thread (see worker.ts, scripts/bundle.mjs).
export * from "@nnkit/cost";
