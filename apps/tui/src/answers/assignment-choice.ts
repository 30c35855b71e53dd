// Which assignment the app follows (Home's list, the Answers screen, validation as you type and
// the self-check): the one given with --assignment, else the one the answer file names, else
// homework 1. It is loaded where @nnkit/grading is (the worker threads), by its loadAssignment.
import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isScalar, parseDocument } from "yaml";

/** The assignment opened when neither --assignment nor the answer file names one. */
export const defaultAssignment = "hw1";

export interface AssignmentChoice {
  /** What @nnkit/grading's loadAssignment is given: a built-in id or a file's path. */
  readonly source: string;
  /** The folder a relative path is read from. */
  readonly cwd: string;
  /** Where the choice came from, for the message when it cannot be loaded. */
  readonly origin: { kind: "flag" } | { kind: "answer file"; path: string } | { kind: "default" };
}

export const defaultChoice: AssignmentChoice = {
  source: defaultAssignment,
  cwd: process.cwd(),
  origin: { kind: "default" },
};

/** Larger answer files are refused by the grader anyway; their `assignment:` is not looked for. */
const maxAnswerFileBytes = 4 * 1024 * 1024;

/**
 * The assignment to open. A path named in the answer file is read from the answer file's
 * folder; one given with --assignment from `cwd`.
 */
export function chooseAssignment(
  flag: string | undefined,
  answersPath: string | undefined,
  cwd: string,
): AssignmentChoice {
  if (flag !== undefined) return { source: flag, cwd, origin: { kind: "flag" } };
  const named = answersPath === undefined ? undefined : namedAssignment(resolve(cwd, answersPath));
  if (named === undefined || answersPath === undefined) return { ...defaultChoice, cwd };
  return {
    source: named,
    cwd: dirname(resolve(cwd, answersPath)),
    origin: { kind: "answer file", path: answersPath },
  };
}

/** The answer file's top-level `assignment:` value, if it has one (and the file can be read). */
function namedAssignment(path: string): string | undefined {
  try {
    if (statSync(path).size > maxAnswerFileBytes) return undefined;
    const value = parseDocument(readFileSync(path, "utf8")).get("assignment", true);
    return isScalar(value) && typeof value.value === "string" && value.value.trim() !== ""
      ? value.value.trim()
      : undefined;
  } catch {
    return undefined; // a missing or unreadable file is reported by the Answers screen
  }
}

/** The one line said when the chosen assignment cannot be loaded. */
export function cannotLoadMessage(choice: AssignmentChoice, reason: string): string {
  const origin = choice.origin;
  if (origin.kind !== "answer file") return `nnkit: ${reason}`;
  return `nnkit: ${reason} (named by \`assignment: ${choice.source}\` in ${origin.path}; give the assignment's file with --assignment PATH)`;
}
