import { isAbsolute, resolve } from "node:path";
import {
  type Assignment,
  AssignmentSpecError,
  assignments,
  findAssignment,
  GradingError,
  isAssignmentPath,
  loadAssignment,
} from "@nnkit/grading";
import { CliError } from "../exit-codes.js";

/**
 * What workers receive for `--assignment`: a built-in id as given, a path made absolute, so that a
 * thread (or a later process) loads the same file whatever its working directory.
 */
export function assignmentSource(source: string): string {
  return isAssignmentPath(source) && !isAbsolute(source) ? resolve(source) : source;
}

/**
 * The assignment `--assignment` names: a built-in id or an assignment file. A mistake in the file
 * ends the command with its message (file:line:column, question) and the usage exit code.
 */
export async function resolveAssignment(source: string): Promise<Assignment> {
  if (!isAssignmentPath(source)) {
    const builtIn = findAssignment(source);
    if (builtIn !== undefined) return builtIn;
    const known = assignments.map((a) => a.id).join(", ");
    throw new CliError(
      "",
      "usage",
      `unknown assignment "${source}" (known: ${known}; or the path of an assignment file)`,
    );
  }
  try {
    // As typed, so that its mistakes name the file as the instructor wrote it.
    return await loadAssignment(source);
  } catch (error) {
    throw new CliError("", "usage", assignmentErrorMessage(source, error));
  }
}

/**
 * Whether `error` is one of grading's errors named `name`: by class, or by name when it comes from
 * another copy of @nnkit/grading (an ES-module assignment imports its own; this grader is bundled).
 */
function isGradingError<E extends Error>(
  error: unknown,
  type: abstract new (...args: never[]) => E,
  name: string,
): error is E {
  return error instanceof type || (error instanceof Error && error.name === name);
}

/** One line (or a code frame) saying what is wrong with an assignment file, never a stack. */
export function assignmentErrorMessage(source: string, error: unknown): string {
  if (isGradingError(error, AssignmentSpecError, "AssignmentSpecError")) {
    if (error.location !== undefined) return error.message;
    // The loader's own errors (`cannot read …`, no default export) already name the file.
    return error.path.length === 0 ? error.detail : `${source}: ${error.message}`;
  }
  if (isGradingError(error, GradingError, "GradingError")) return `${source}: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  return `${source}: cannot load this assignment module: ${message}`;
}
