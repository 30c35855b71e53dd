// `nnkit-grade validate`: what an instructor should know before handing an assignment out. The
// file has loaded (its own mistakes are the loader's errors); this checks what only running it
// shows: templates, variant draws, the reference computations, and the reference solution.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Assignment,
  answerTemplate,
  type GradeResult,
  parseAnswerFile,
  studentVariant,
  withStudentVariants,
} from "@nnkit/grading";
import { gradeFiles } from "../batch/pool.js";
import { partSolutionsFile, partsWithSolutions } from "./part-solutions.js";
import { placeholderAnswers } from "./placeholder-answers.js";

/** Student ids whose variant draws and reference computations are tried. */
export const TRIAL_STUDENTS = ["s0001", "s0002", "student-3", "ÅSA-4"] as const;

export type ValidationFinding =
  | { readonly kind: "no-template"; readonly question: string }
  | { readonly kind: "template-unreadable"; readonly reason: string }
  | { readonly kind: "template-misses"; readonly question: string }
  | {
      readonly kind: "draw-invalid";
      readonly variable: string;
      readonly student: string;
      readonly detail: string;
    }
  | {
      readonly kind: "reference-failed";
      readonly question: string;
      readonly part: string;
      readonly student: string;
      readonly message: string;
    }
  | {
      readonly kind: "part-solution-short";
      readonly question: string;
      readonly part: string;
      readonly feedback: string;
    }
  | { readonly kind: "solution-unreadable"; readonly reason: string }
  | {
      readonly kind: "solution-short";
      readonly question: string;
      readonly score: number;
      readonly maxScore: number;
      readonly status: string;
      readonly feedback: string;
    };

export interface ValidationReport {
  readonly findings: readonly ValidationFinding[];
  /**
   * Questions with a part a person grades: the solution cannot get their points alone, so only
   * their automatic parts are checked (every item correct).
   */
  readonly manualQuestions: readonly string[];
  /** Questions whose automatic parts the solution got right (when one was given). */
  readonly solutionFullMarks: readonly string[];
  /** How many parts give their own `solution:` (each graded, and expected right). */
  readonly partSolutions: number;
}

export interface ValidateOptions {
  /** What the workers load: a built-in id or an absolute path. */
  readonly source: string;
  readonly solution?: string;
  readonly timeLimitSeconds?: number;
}

export async function validateAssignment(
  assignment: Assignment,
  options: ValidateOptions,
): Promise<ValidationReport> {
  const draws = drawFindings(assignment);
  const findings: ValidationFinding[] = [...templateFindings(assignment), ...draws.findings];
  // Students whose numbers could not be drawn have nothing to compute references for.
  const drawn = TRIAL_STUDENTS.filter((s) => !draws.undrawn.includes(s));
  const manualQuestions = assignment.questions
    .filter((q) => q.parts.some((p) => p.check.kind === "manual"))
    .map((q) => q.id);
  const withSolutions = partsWithSolutions(assignment);
  // Each on its own workers at once: the solutions' proofs overlap the placeholders' grading.
  const [references, parts, solution] = await Promise.all([
    referenceFindings(assignment, options, drawn),
    withSolutions.size === 0 ? [] : partSolutionFindings(assignment, options, withSolutions),
    options.solution === undefined
      ? undefined
      : solutionFindings(options, new Set(manualQuestions)),
  ]);
  findings.push(...references, ...parts, ...(solution?.findings ?? []));
  return {
    findings,
    manualQuestions,
    solutionFullMarks: solution?.fullMarks ?? [],
    partSolutions: [...withSolutions.values()].reduce((n, labels) => n + labels.length, 0),
  };
}

/** Every question has template lines, and the template is an answer file naming every question. */
function templateFindings(assignment: Assignment): ValidationFinding[] {
  const findings: ValidationFinding[] = assignment.questions
    .filter((q) => q.template.trim() === "")
    .map((q) => ({ kind: "no-template", question: q.id }));
  // With the handout's numbers: a failing draw (reported on its own) cannot stop the template.
  const handout = withStudentVariants(assignment, false);
  const parsed = parseAnswerFile(answerTemplate(handout, { studentId: TRIAL_STUDENTS[0] }));
  if (!parsed.ok) return [...findings, { kind: "template-unreadable", reason: parsed.reason }];
  for (const question of assignment.questions) {
    if (!parsed.file.answers.has(question.id))
      findings.push({ kind: "template-misses", question: question.id });
  }
  return findings;
}

/**
 * Each variable's draw, for a few students, gives finite numbers of the handout's shape: one
 * finding per variable (for the first student that shows it), and the students left undrawn.
 */
function drawFindings(assignment: Assignment): {
  findings: ValidationFinding[];
  undrawn: string[];
} {
  const findings: ValidationFinding[] = [];
  const undrawn: string[] = [];
  const drawing = withStudentVariants(assignment, true);
  for (const student of TRIAL_STUDENTS) {
    // Variables draw in order from one generator: the first k of them reproduce its first k draws.
    for (let k = 0; k < assignment.variables.length; k++) {
      const variable = assignment.variables[k]!;
      let detail: string | undefined;
      try {
        const prefix = { ...drawing, variables: assignment.variables.slice(0, k + 1) };
        detail = drawProblem(variable.handout, studentVariant(prefix, student)[variable.name]);
      } catch (error) {
        detail = `its draw threw: ${(error as Error).message}`;
      }
      if (detail === undefined) continue;
      if (!undrawn.includes(student)) undrawn.push(student);
      if (!findings.some((f) => f.kind === "draw-invalid" && f.variable === variable.name))
        findings.push({ kind: "draw-invalid", variable: variable.name, student, detail });
    }
  }
  return { findings, undrawn };
}

function drawProblem(
  handout: readonly number[] | number,
  drawn: readonly number[] | number | undefined,
): string | undefined {
  if (drawn === undefined) return "nothing was drawn";
  const values = typeof drawn === "number" ? [drawn] : drawn;
  if (values.some((v) => typeof v !== "number" || !Number.isFinite(v)))
    return `drew a value that is not a finite number: ${JSON.stringify(drawn)}`;
  if (typeof handout === "number" && typeof drawn !== "number")
    return `drew a list of ${values.length} where the handout has one number`;
  if (typeof handout !== "number" && (typeof drawn === "number" || drawn.length !== handout.length))
    return `drew ${typeof drawn === "number" ? "one number" : `${values.length} numbers`} where the handout has ${handout.length}`;
  return undefined;
}

/**
 * Grades the template with a placeholder in every field, for the handout's numbers and each trial
 * student's: any check whose reference computation fails shows as an internal error.
 */
async function referenceFindings(
  assignment: Assignment,
  options: ValidateOptions,
  students: readonly string[],
): Promise<ValidationFinding[]> {
  if (students.length === 0) return [];
  const folder = mkdtempSync(join(tmpdir(), "nnkit-validate-"));
  try {
    const files = students.map((student, i) => {
      const path = join(folder, `placeholder-${i}.yaml`);
      writeFileSync(path, placeholderAnswers(answerTemplate(assignment, { studentId: student })));
      return { path, relativePath: student };
    });
    const graded = await gradeFiles(files, {
      assignment: options.source,
      jobs: Math.min(2, files.length),
      timeLimitSeconds: options.timeLimitSeconds,
    });
    const findings: ValidationFinding[] = [];
    const seen = new Set<string>();
    for (const { file, result } of graded) {
      for (const failure of internalErrors(result)) {
        // One finding per question and message, naming the first student it happened for.
        const key = `${failure.question}\n${failure.part}\n${failure.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push({ kind: "reference-failed", student: file.relativePath, ...failure });
      }
    }
    return findings;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function internalErrors(result: GradeResult) {
  return result.questions.flatMap((question) =>
    question.items.flatMap((item) =>
      item.finding.kind === "internal-error"
        ? [{ question: question.id, part: item.part, message: item.finding.message }]
        : item.finding.kind === "unreadable" && question.id === "assignment"
          ? [{ question: "(file)", part: "", message: item.finding.message }]
          : [],
    ),
  );
}

/** Each part's own `solution:`, graded with the handout's numbers, gets that part right. */
async function partSolutionFindings(
  assignment: Assignment,
  options: ValidateOptions,
  withSolutions: ReadonlyMap<string, readonly string[]>,
): Promise<ValidationFinding[]> {
  const folder = mkdtempSync(join(tmpdir(), "nnkit-validate-parts-"));
  try {
    const path = join(folder, "part-solutions.yaml");
    writeFileSync(path, partSolutionsFile(assignment));
    const [graded] = await gradeFiles([{ path, relativePath: "part solutions" }], {
      assignment: options.source,
      jobs: 1,
      handoutNumbers: true,
      timeLimitSeconds: options.timeLimitSeconds,
    });
    const result = graded!.result;
    const fileWide = fileWideReason(result);
    if (fileWide !== undefined) return [{ kind: "solution-unreadable", reason: fileWide }];
    return result.questions.flatMap((question) =>
      (withSolutions.get(question.id) ?? []).flatMap((label): ValidationFinding[] => {
        const items = question.items.filter((item) => item.part === label);
        if (items.length > 0 && items.every((item) => item.verdict === "correct")) return [];
        const feedback = items.map((item) => item.message).join("\n") || "no verdict";
        return [{ kind: "part-solution-short", question: question.id, part: label, feedback }];
      }),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The solution, graded with the handout's numbers, gets every automatic part right. */
async function solutionFindings(
  options: ValidateOptions,
  manual: ReadonlySet<string>,
): Promise<{ findings: ValidationFinding[]; fullMarks: string[] }> {
  const [graded] = await gradeFiles(
    [{ path: options.solution!, relativePath: options.solution! }],
    {
      assignment: options.source,
      jobs: 1,
      handoutNumbers: true,
      timeLimitSeconds: options.timeLimitSeconds,
    },
  );
  const result = graded!.result;
  const fileWide = fileWideReason(result);
  if (fileWide !== undefined) {
    return { findings: [{ kind: "solution-unreadable", reason: fileWide }], fullMarks: [] };
  }
  const findings: ValidationFinding[] = [];
  const fullMarks: string[] = [];
  for (const question of result.questions) {
    const full = manual.has(question.id)
      ? question.items.every((item) => item.verdict === "correct" || item.verdict === "manual")
      : question.status === "passed" && question.score === question.max_score;
    if (full) {
      fullMarks.push(question.id);
      continue;
    }
    findings.push({
      kind: "solution-short",
      question: question.id,
      score: question.score,
      maxScore: question.max_score,
      status: question.status,
      feedback: question.feedback,
    });
  }
  return { findings, fullMarks };
}

/** The reason when the file itself could not be graded (every question invalid for one reason). */
function fileWideReason(result: GradeResult): string | undefined {
  const [first, ...rest] = result.questions;
  if (first === undefined || first.status !== "invalid") return undefined;
  // The file-wide reason is an item of no field and no part (see grading's unreadableQuestion).
  const item = first.items[0];
  if (item?.finding.kind !== "unreadable" || item.key !== "" || item.part !== "") return undefined;
  const same = rest.every((q) => q.status === "invalid" && q.feedback === first.feedback);
  return same ? item.finding.message : undefined;
}
