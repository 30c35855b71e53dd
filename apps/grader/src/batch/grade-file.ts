// Grading one answer file, the same on a worker thread (worker.ts) and on the main thread
// (grade-here.ts): each assignment source loaded once per thread, the file's text read within
// the size limit, and its student named before grading, so that a file stopped for running out of
// time is still reported under its student.
import { readFile, stat } from "node:fs/promises";
import {
  type Assignment,
  FILE_LIMITS,
  type GradeResult,
  gradeAnswerFile,
  gradeAnswerText,
  loadAssignment,
  unreadableQuestion,
  withStudentVariants,
} from "@nnkit/grading";
import type { WorkerGradeOptions } from "./pool.js";

/** The file's text when it is small enough to be an answer file (else grading says why not). */
async function answerText(path: string): Promise<string | undefined> {
  try {
    if ((await stat(path)).size > 4 * FILE_LIMITS.maxCharacters) return undefined;
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

// Each source (an id, or an absolute path) is loaded once per thread; the command has loaded it
// before, so a failure here is rare (the file changed meanwhile) and is reported per file.
const loaded = new Map<string, Promise<Assignment>>();
function assignment(source: string): Promise<Assignment> {
  const found = loaded.get(source) ?? loadAssignment(source);
  loaded.set(source, found);
  return found;
}

function notLoaded(source: string, error: unknown): GradeResult {
  const reason = `cannot load the assignment ${source}: ${(error as Error).message ?? error}`;
  return {
    assignment: "",
    student: { id: "", name: "" },
    score: 0,
    max_score: 0,
    questions: [unreadableQuestion("assignment", 0, reason)],
  };
}

/**
 * Reads what grading the file at `path` needs (the assignment, the file's text), then returns the
 * grading itself as a synchronous call, so that a caller can time exactly that call.
 */
export async function prepareGrade(
  path: string,
  options: WorkerGradeOptions,
  onStudent: (student: GradeResult["student"]) => void,
): Promise<() => GradeResult> {
  let definition: Assignment;
  try {
    definition = await assignment(options.assignment);
  } catch (error) {
    const result = notLoaded(options.assignment, error);
    return () => result;
  }
  const grade = {
    audience: options.audience,
    assignment: options.handoutNumbers ? withStudentVariants(definition, false) : definition,
    now: options.now ? new Date(options.now) : undefined,
  };
  const text = await answerText(path);
  if (text === undefined) {
    // Too large or unreadable: grading reads nothing of it and says why.
    const result = await gradeAnswerFile(path, grade);
    return () => result;
  }
  return () => gradeAnswerText(text, { ...grade, onStudent });
}
