import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FILE_LIMITS, type GradeResult, resultToJSON } from "@nnkit/grading";
import { gradeHere } from "../batch/grade-here.js";
import { CliError, ExitCode } from "../exit-codes.js";
import { textReport } from "../output/feedback.js";
import { formatScore } from "../output/gradebook.js";
import { isInvalid } from "../output/student-key.js";
import { assignmentSource, resolveAssignment } from "./assignment.js";

/** The file name that means standard input, as in most command-line tools. */
export const STDIN = "-";
const STDIN_LABEL = "<stdin>";
// Four bytes per character at most: anything larger cannot be within the character limit.
const MAX_STDIN_BYTES = 4 * FILE_LIMITS.maxCharacters;

export async function checkCommand(
  file: string,
  options: { assignment: string; json?: boolean; quiet?: boolean; timeLimit?: number },
): Promise<ExitCode> {
  // Loaded here first, so a mistake in the assignment file stops the command with its message.
  await resolveAssignment(options.assignment);
  const source = assignmentSource(options.assignment);
  if (file !== STDIN && (!existsSync(file) || !statSync(file).isFile())) {
    throw new CliError("check", "usage", `${file} is not a file`);
  }
  const result =
    file === STDIN
      ? await gradeText(await readStdin(), source, options.timeLimit)
      : await gradeOne(file, source, options.timeLimit);
  const label = file === STDIN ? STDIN_LABEL : file;
  if (!options.quiet)
    process.stdout.write(options.json ? resultToJSON(result) : report(result, label));
  return isInvalid({ file: { path: label, relativePath: label }, result })
    ? ExitCode.problems
    : ExitCode.ok;
}

/** One file graded within the time budget, on this thread when it can be (grade-here.ts). */
async function gradeOne(path: string, assignment: string, timeLimitSeconds?: number) {
  const graded = await gradeHere({ path, relativePath: path }, { assignment, timeLimitSeconds });
  return graded.result;
}

/** Standard input graded like a file (grading reads files), within the same budget. */
async function gradeText(text: string, assignment: string, timeLimitSeconds?: number) {
  const folder = mkdtempSync(join(tmpdir(), "nnkit-check-"));
  try {
    const path = join(folder, "stdin.yaml");
    writeFileSync(path, text);
    return await gradeOne(path, assignment, timeLimitSeconds);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Standard input as text, refusing more bytes than any answer file can have. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_STDIN_BYTES) {
      throw new CliError(
        "check",
        "usage",
        `standard input has more than ${MAX_STDIN_BYTES} bytes, far more than an answer file`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The per-question report, except when the file itself could not be graded (every question
 * invalid for one and the same reason, e.g. a YAML syntax error): then the reason, with its code
 * frame, is printed once instead of under each question.
 */
function report(result: GradeResult, label: string): string {
  const problem = fileProblem(result);
  if (problem === undefined) return textReport(result, label);
  const ids = result.questions.map((q) => q.id).join(", ");
  return [
    `${label}: ${result.student.name || "?"} (${result.student.id || "no id"}), ${result.assignment || "?"}`,
    "",
    problem.trimEnd(),
    "",
    `every question is invalid (${ids})`,
    `total: ${formatScore(result.score)} / ${formatScore(result.max_score)}`,
    "",
  ].join("\n");
}

function fileProblem(result: GradeResult): string | undefined {
  const [first, ...rest] = result.questions;
  if (first === undefined || first.status !== "invalid" || first.feedback === "") return undefined;
  const shared = rest.every((q) => q.status === "invalid" && q.feedback === first.feedback);
  return shared && rest.length > 0 ? first.feedback : undefined;
}
