import { type Assignment, defineAssignment } from "../assignment/assignment.js";
import { assignmentFromSpec } from "../assignment/compile-assignment.js";
import { readYamlDocument } from "../assignment/yaml/read-document.js";
import { readMapping } from "../assignment/yaml/schema.js";
import { HW1_ASSIGNMENT_YAML } from "./assignment-yaml.js";
import { q2_1_1, q2_1_2 } from "./backprop-questions.js";

/** Homework 1, read from its one definition, examples/hw1/assignment.yaml (embedded). */
export const hw1: Assignment = readHw1();

// Until the backprop and graph kinds land (helper `equations`), 2.1's two questions come from
// backprop-questions.ts in their place; every other question is the YAML's.
function readHw1(): Assignment {
  const data = readMapping(readYamlDocument(HW1_ASSIGNMENT_YAML, "hw1").data, []);
  const questions = data.questions as { id: string }[];
  const fromTypeScript = new Map([
    ["q2.1.1", q2_1_1],
    ["q2.1.2", q2_1_2],
  ]);
  const compiled = assignmentFromSpec({
    ...data,
    questions: questions.filter((q) => !fromTypeScript.has(q.id)),
  });
  return defineAssignment({
    ...compiled,
    questions: questions.map(
      (q) => fromTypeScript.get(q.id) ?? compiled.questions.find((c) => c.id === q.id)!,
    ),
  });
}
