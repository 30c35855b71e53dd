// An assignment of the format `nnkit-assignment/1` from plain data (a YAML file's, or an ES
// module's): the header, variables, named networks and questions, validated strictly.

import { GradingError } from "../errors.js";
import { compileNetwork } from "../network/compile-network.js";
import {
  type Assignment,
  checkQuestionList,
  defineAssignment,
  type LatePolicy,
} from "./assignment.js";
import type { NetworkSpec } from "./backprop-spec.js";
import { compileQuestion } from "./compile-question.js";
import { readNetwork } from "./networks.js";
import { AssignmentSpecError, type SpecPath } from "./spec-error.js";
import { readVariables } from "./variables.js";
import {
  fail,
  listOf,
  mappingOf,
  type Reader,
  readBoolean,
  readFraction,
  readNonEmptyString,
  SpecObject,
} from "./yaml/schema.js";

/** The format an assignment file declares in its `format:` key. */
export const ASSIGNMENT_FORMAT = "nnkit-assignment/1";

const KEYS = [
  "format",
  "id",
  "title",
  "due",
  "late_policy",
  "per_student_variants",
  "variables",
  "networks",
  "questions",
];

export interface CompileOptions {
  /**
   * Compile each question's parts when they are first used (graded, listed) instead of now: for a
   * built-in assignment, whose tests compile it whole and so find its mistakes, a command then
   * pays only for the questions a file answers. An assignment file is compiled whole, so that its
   * mistakes are reported when it loads.
   */
  readonly lazyParts?: boolean;
}

/** Compiles an assignment's plain data; mistakes are AssignmentSpecErrors naming their path. */
export function assignmentFromSpec(value: unknown, options: CompileOptions = {}): Assignment {
  const spec = SpecObject.read(value, [], KEYS);
  const format = spec.required("format", readNonEmptyString);
  if (format !== ASSIGNMENT_FORMAT)
    fail(spec.pathOf("format"), `this grader reads '${ASSIGNMENT_FORMAT}', not '${format}'`);
  const variables = spec.or("variables", readVariables, []);
  const networks = new Map(
    spec
      .or("networks", mappingOf(readNetworkAt), [])
      .map(([name, network]) => [name, network] as const),
  );
  const questions = spec.required(
    "questions",
    listOf(
      (v, p) =>
        compileQuestion(v, p, {
          variables: new Map(variables.map((variable) => [variable.name, variable])),
          networks,
          ...(options.lazyParts ? { lazyParts: { assignment: spec.data.id } } : {}),
        }),
      { nonEmpty: true },
    ),
  );
  checkUnusedNetworks(networks, spec.data.questions);
  const dueDate = spec.optional("due", readDate);
  const latePolicy = spec.optional("late_policy", readLatePolicy);
  try {
    const assignment: Assignment = {
      id: spec.required("id", readNonEmptyString),
      title: spec.required("title", readNonEmptyString),
      ...(dueDate === undefined ? {} : { dueDate }),
      ...(latePolicy === undefined ? {} : { latePolicy }),
      questions,
      variables,
      perStudentVariants: spec.or("per_student_variants", readBoolean, false),
    };
    // Lazy parts are checked when they compile (compile-question.ts).
    if (options.lazyParts) checkQuestionList(assignment);
    else defineAssignment(assignment);
    return assignment;
  } catch (error) {
    // defineAssignment's checks (a question id used twice) are the file's mistakes too.
    if (error instanceof GradingError) fail(spec.pathOf("questions"), error.message);
    throw error;
  }
}

const readNetworkAt: Reader<{ spec: NetworkSpec; path: SpecPath }> = (value, path) => ({
  spec: readNetwork(value, path),
  path,
});

/**
 * Traces the networks no part names (the parts trace theirs, and their mistakes then name the
 * question), so that a mistake in one is found too.
 */
function checkUnusedNetworks(
  networks: ReadonlyMap<string, { spec: NetworkSpec; path: SpecPath }>,
  questions: unknown,
): void {
  const used = new Set<unknown>();
  for (const question of Array.isArray(questions) ? questions : []) {
    const parts = (question as { parts?: unknown }).parts;
    for (const part of [question, ...(Array.isArray(parts) ? parts : [])])
      used.add((part as { network?: unknown }).network);
  }
  for (const [name, network] of networks) {
    if (!used.has(name)) compileNetwork(network.spec, network.path);
  }
}

/** An ISO 8601 date-time (`2026-02-01T23:59:00Z`), or a date, read as midnight UTC. */
const readDate: Reader<Date> = (value, path) => {
  const text = readNonEmptyString(value, path);
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text))
    fail(path, `expected a date such as 2026-02-01T23:59:00Z, got "${text}"`);
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) fail(path, `"${text}" is not a date`);
  return date;
};

const readLatePolicy: Reader<LatePolicy> = (value, path) => {
  const spec = SpecObject.read(value, path, ["penalty_per_day", "max_penalty"]);
  const maxPenalty = spec.optional("max_penalty", readFraction);
  return {
    penaltyPerDay: spec.required("penalty_per_day", readFraction),
    ...(maxPenalty === undefined ? {} : { maxPenalty }),
  };
};

export { AssignmentSpecError };
