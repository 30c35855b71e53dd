// An assignment file in YAML: parsed with line positions, compiled by the format's readers, and
// every mistake reported as `file:line:column: path (question): detail`.

import { EquationError } from "../../network/equation-error.js";
import type { Assignment } from "../assignment.js";
import { assignmentFromSpec } from "../compile-assignment.js";
import { AssignmentSpecError } from "../spec-error.js";
import { readYamlDocument } from "./read-document.js";

/** Reads and validates an assignment written in YAML; `file` names it in errors. */
export function readAssignmentYaml(text: string, file: string): Assignment {
  const document = readYamlDocument(text, file);
  try {
    return assignmentFromSpec(document.data);
  } catch (error) {
    if (!(error instanceof AssignmentSpecError) || error.location !== undefined) throw error;
    // A forward equation's mistake is located at the equation itself, inside the text.
    const inText =
      error instanceof EquationError
        ? document.locateInText(error.path, error.equationLine, error.equationColumn)
        : undefined;
    const at = inText ?? document.locate(error.path) ?? { line: 1, column: 1 };
    throw new AssignmentSpecError(error.path, error.code, error.detail, {
      location: { file, ...at },
      question: error.question,
    });
  }
}
