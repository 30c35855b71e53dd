// @nnkit/grading loaded with homework 1, as the grading worker loads it by default.
import * as grading from "@nnkit/grading";
import type { LoadedGrading } from "../answers/load-grading.js";

export const hw1: LoadedGrading = { grading, assignment: grading.hw1 };
