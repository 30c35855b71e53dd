import { existsSync, statSync } from "node:fs";
import { resultToJSON } from "@nnkit/grading";
import { gradeFiles } from "../batch/pool.js";
import { CliError, ExitCode } from "../exit-codes.js";
import { textReport } from "../output/feedback.js";
import { isInvalid } from "../output/student-key.js";
import { resolveAssignment } from "./assignment.js";

export async function checkCommand(
  file: string,
  options: { assignment: string; json?: boolean; timeLimit?: number },
): Promise<ExitCode> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new CliError(`check: ${file} is not a file`, ExitCode.usage);
  }
  const assignment = resolveAssignment(options.assignment);
  const [graded] = await gradeFiles([{ path: file, relativePath: file }], {
    assignment: assignment.id,
    jobs: 1,
    timeLimitSeconds: options.timeLimit,
  });
  const { result } = graded!;
  process.stdout.write(options.json ? resultToJSON(result) : textReport(result, file));
  return isInvalid({ file: { path: file, relativePath: file }, result })
    ? ExitCode.problems
    : ExitCode.ok;
}
