import { existsSync, statSync } from "node:fs";
import { type Assignment, isAssignmentPath } from "@nnkit/grading";
import { CliError, ExitCode } from "../exit-codes.js";
import { questionLines } from "../validate/question-lines.js";
import {
  TRIAL_STUDENTS,
  type ValidationFinding,
  type ValidationReport,
  validateAssignment,
} from "../validate/validate-assignment.js";
import { assignmentSource, resolveAssignment } from "./assignment.js";

/**
 * Exit codes: 0 the assignment is ready; 1 it loads but validation found problems (listed);
 * 2 it does not load (its mistake, with file:line:column), or bad usage.
 */
export async function validateCommand(
  source: string,
  options: { solution?: string; timeLimit?: number },
): Promise<ExitCode> {
  if (options.solution !== undefined && !isFile(options.solution)) {
    throw new CliError("validate", "usage", `${options.solution} is not a file`);
  }
  const assignment = await resolveAssignment(source);
  const absolute = assignmentSource(source);
  const report = await validateAssignment(assignment, {
    source: absolute,
    solution: options.solution,
    timeLimitSeconds: options.timeLimit,
  });
  const lines = isAssignmentPath(source) ? questionLines(absolute) : new Map<string, number>();
  process.stdout.write(renderReport(source, assignment, report, options.solution, lines));
  return report.findings.length === 0 ? ExitCode.ok : ExitCode.problems;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function renderReport(
  source: string,
  assignment: Assignment,
  report: ValidationReport,
  solution: string | undefined,
  lines: ReadonlyMap<string, number>,
): string {
  const points = assignment.questions.reduce((sum, q) => sum + q.points, 0);
  const out = [
    `${source}: ${assignment.id} "${assignment.title}", ${assignment.questions.length} questions, ${points} points`,
    "  loads: yes (every question's definition and reference data read)",
  ];
  const has = (kinds: ValidationFinding["kind"][]) =>
    report.findings.some((f) => kinds.includes(f.kind));
  if (!has(["no-template", "template-unreadable", "template-misses"]))
    out.push("  templates: every question has one, and the template is a readable answer file");
  const count = assignment.variables.length;
  if (count === 0) out.push("  variant draws: no variables");
  else if (!has(["draw-invalid"]))
    out.push(
      `  variant draws: ${count} variable${count === 1 ? "" : "s"} drawn for ${TRIAL_STUDENTS.length} students, finite and of the handout's shape`,
    );
  if (!has(["reference-failed"]))
    out.push(
      `  reference computations: every check ran on a placeholder answer for ${TRIAL_STUDENTS.length} students without an internal error`,
    );
  if (report.partSolutions > 0 && !has(["part-solution-short"]))
    out.push(`  the parts' own solutions: all ${report.partSolutions} get full marks`);
  if (solution === undefined) {
    out.push("  reference solution: not given (--solution FILE)");
  } else if (!has(["solution-unreadable", "solution-short"])) {
    const manual = report.manualQuestions.length
      ? `; parts graded by a person (not checked) in ${report.manualQuestions.join(", ")}`
      : "";
    out.push(
      `  reference solution (${solution}): full marks on every automatic part of all ${report.solutionFullMarks.length} questions${manual}`,
    );
  }
  for (const finding of report.findings) out.push(...describe(finding, source, lines));
  const problems = report.findings.length;
  out.push(
    problems === 0
      ? `valid: ${assignment.id} is ready to hand out`
      : `${problems} problem${problems === 1 ? "" : "s"} found`,
  );
  return `${out.join("\n")}\n`;
}

/** `file:line: question` where the question's line is known, else the question alone. */
function at(source: string, lines: ReadonlyMap<string, number>, question: string): string {
  const line = lines.get(question);
  return line === undefined ? `${source}: ${question}` : `${source}:${line}: ${question}`;
}

function describe(
  finding: ValidationFinding,
  source: string,
  lines: ReadonlyMap<string, number>,
): string[] {
  switch (finding.kind) {
    case "no-template":
      return [`problem: ${at(source, lines, finding.question)}: has no answer template`];
    case "template-misses":
      return [
        `problem: ${at(source, lines, finding.question)}: the answer template has no entry for it`,
      ];
    case "template-unreadable":
      return [
        `problem: ${source}: the answer template is not a readable answer file: ${finding.reason}`,
      ];
    case "draw-invalid":
      return [
        `problem: ${source}: variable ${finding.variable}, student ${finding.student}: ${finding.detail}`,
      ];
    case "reference-failed": {
      const part = finding.part ? ` (part "${finding.part}")` : "";
      return [
        `problem: ${at(source, lines, finding.question)}${part}: the reference computation failed (student ${finding.student}): ${finding.message}`,
      ];
    }
    case "part-solution-short":
      return [
        `problem: ${at(source, lines, finding.question)} (part "${finding.part}"): its own solution does not get full marks`,
        ...finding.feedback
          .trimEnd()
          .split("\n")
          .map((line) => `    ${line}`),
      ];
    case "solution-unreadable":
      return [`problem: the reference solution cannot be graded: ${finding.reason}`];
    case "solution-short":
      return [
        `problem: ${at(source, lines, finding.question)}: the reference solution gets ${finding.score}/${finding.maxScore} (${finding.status})`,
        ...finding.feedback
          .trimEnd()
          .split("\n")
          .map((line) => `    ${line}`),
      ];
  }
}
