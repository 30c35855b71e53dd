import { readFile, stat } from "node:fs/promises";
import { FILE_LIMITS } from "../answers/limits.js";
import { type AnswerFile, parseAnswerFile } from "../answers/parse-answer-file.js";
import type { Assignment } from "../assignment/assignment.js";
import { assignments, findAssignment } from "../assignment/registry.js";
import { studentVariant } from "../assignment/student-variant.js";
import { type Audience, gradeQuestion } from "./grade-question.js";
import { renderFeedback } from "./render-feedback.js";
import { type GradeResult, type QuestionResult, roundScore } from "./result.js";

export interface GradeOptions {
  /** The assignment to grade against (its id or definition); by default the one the file names, else hw1. */
  readonly assignment?: string | Assignment;
  /** Students do not see hidden checks' feedback, nor after-due-date feedback before the due date. */
  readonly audience?: "instructor" | "student";
  /** The time that decides after-due-date visibility (default: now). */
  readonly now?: Date;
  /**
   * Called with the file's student as soon as it is read, before any question is graded: a
   * grading thread that may be stopped mid-file still knows whom the file was for.
   */
  readonly onStudent?: (student: GradeResult["student"]) => void;
}

const UNKNOWN_STUDENT = { id: "", name: "" } as const;

/** Grades an answer file's text. Never throws: unreadable files give every question `invalid`. */
export function gradeAnswerText(text: string, options: GradeOptions = {}): GradeResult {
  try {
    return gradeText(text, options);
  } catch (error) {
    // Reached only through a broken caller-supplied assignment (or a bug): still a result.
    const id =
      typeof options.assignment === "string"
        ? options.assignment
        : String(options.assignment?.id ?? "");
    return failedResult(id, UNKNOWN_STUDENT, `internal error while grading: ${messageOf(error)}`);
  }
}

function gradeText(text: string, options: GradeOptions): GradeResult {
  const requested = requestedAssignment(options.assignment);
  const parsed = parseAnswerFile(text);
  const student = parsed.ok ? parsed.file.student : UNKNOWN_STUDENT;
  if (parsed.ok) options.onStudent?.(student);
  if (typeof options.assignment === "string" && requested === undefined) {
    return unknownAssignment(options.assignment, student);
  }
  const named = parsed.ok ? parsed.file.assignment : undefined;
  const assignment = requested ?? findAssignment(named ?? assignments[0]!.id);
  if (assignment === undefined) return unknownAssignment(named ?? "", student);
  if (!parsed.ok) return everyQuestionInvalid(assignment, student, parsed.reason);
  if (named !== undefined && named !== assignment.id) {
    return everyQuestionInvalid(
      assignment,
      student,
      `the answer file is for assignment '${named}', not '${assignment.id}'`,
    );
  }
  const audience: Audience = {
    audience: options.audience ?? "instructor",
    now: options.now ?? new Date(),
  };
  try {
    return gradeFile(assignment, parsed.file, audience);
  } catch (error) {
    return everyQuestionInvalid(
      assignment,
      student,
      `internal error while grading: ${messageOf(error)}`,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads and grades an answer file. Never throws (a file that cannot be read is `invalid`). */
export async function gradeAnswerFile(
  path: string,
  options: GradeOptions = {},
): Promise<GradeResult> {
  const fallback = () => requestedAssignment(options.assignment) ?? assignments[0]!;
  try {
    const size = (await stat(path)).size;
    // Four bytes per character at most: anything larger cannot be within the character limit.
    if (size > 4 * FILE_LIMITS.maxCharacters) {
      return everyQuestionInvalid(
        fallback(),
        UNKNOWN_STUDENT,
        `${path} has ${size} bytes, far more than an answer file`,
      );
    }
    return gradeAnswerText(await readFile(path, "utf8"), options);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return everyQuestionInvalid(
      fallback(),
      UNKNOWN_STUDENT,
      `cannot read ${path}${code ? ` (${code})` : ""}`,
    );
  }
}

function requestedAssignment(requested: GradeOptions["assignment"]): Assignment | undefined {
  if (requested === undefined) return undefined;
  return typeof requested === "string" ? findAssignment(requested) : requested;
}

function gradeFile(assignment: Assignment, file: AnswerFile, audience: Audience): GradeResult {
  const variant = studentVariant(assignment, file.student.id);
  const questions = assignment.questions.map((question) =>
    gradeQuestion(assignment, question, file.answers.get(question.id), variant, audience),
  );
  return {
    assignment: assignment.id,
    student: file.student,
    score: roundScore(questions.reduce((sum, q) => sum + q.score, 0)),
    max_score: roundScore(questions.reduce((sum, q) => sum + q.max_score, 0)),
    questions,
  };
}

function everyQuestionInvalid(
  assignment: Assignment,
  student: GradeResult["student"],
  reason: string,
): GradeResult {
  const questions = assignment.questions.map((q) => unreadableQuestion(q.id, q.points, reason));
  return {
    assignment: assignment.id,
    student,
    score: 0,
    max_score: roundScore(questions.reduce((sum, q) => sum + q.max_score, 0)),
    questions,
  };
}

function unknownAssignment(id: string, student: GradeResult["student"]): GradeResult {
  return failedResult(
    id,
    student,
    `unknown assignment '${id}'; known: ${assignments.map((a) => a.id).join(", ")}`,
  );
}

/** A result without questions to grade: one `invalid` entry that carries the reason. */
function failedResult(
  assignment: string,
  student: GradeResult["student"],
  reason: string,
): GradeResult {
  return {
    assignment,
    student,
    score: 0,
    max_score: 0,
    questions: [unreadableQuestion("assignment", 0, reason)],
  };
}

/** An `invalid` question whose one item carries why the file could not be graded. */
export function unreadableQuestion(id: string, points: number, reason: string): QuestionResult {
  const item = {
    key: "",
    part: "",
    verdict: "invalid",
    share: 1,
    earned: 0,
    finding: { kind: "unreadable", message: reason },
    message: reason,
  } as const;
  return {
    id,
    score: 0,
    max_score: points,
    status: "invalid",
    feedback: renderFeedback([{ label: "", items: [item] }]),
    items: [item],
  };
}
