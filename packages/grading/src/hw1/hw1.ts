import type { Assignment } from "../assignment/assignment.js";
import { assignmentFromSpec } from "../assignment/compile-assignment.js";
import { HW1_ASSIGNMENT_DATA } from "./assignment-yaml.js";

/**
 * Homework 1, compiled from its one definition, examples/hw1/assignment.yaml (embedded as data;
 * a test holds it to `loadAssignment` of the file itself). Each question's parts compile when
 * first used, so that grading one file pays only for the questions it answers; hw1.test.ts
 * compiles it whole, which finds any mistake in it.
 */
export const hw1: Assignment = assignmentFromSpec(HW1_ASSIGNMENT_DATA, { lazyParts: true });
