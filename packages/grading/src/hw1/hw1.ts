import type { Assignment } from "../assignment/assignment.js";
import { readAssignmentYaml } from "../assignment/yaml/read-assignment-yaml.js";
import { HW1_ASSIGNMENT_YAML } from "./assignment-yaml.js";

/** Homework 1, read from its one definition, examples/hw1/assignment.yaml (embedded). */
export const hw1: Assignment = readAssignmentYaml(
  HW1_ASSIGNMENT_YAML,
  "examples/hw1/assignment.yaml",
);
