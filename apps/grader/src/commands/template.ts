import { existsSync } from "node:fs";
import { answerTemplate } from "@nnkit/grading";
import { CliError, ExitCode } from "../exit-codes.js";
import { writeFileAtomic } from "../output/atomic.js";
import { resolveAssignment } from "./assignment.js";

export async function templateCommand(options: {
  assignment: string;
  student?: string;
  out?: string;
  force?: boolean;
}): Promise<ExitCode> {
  const assignment = await resolveAssignment(options.assignment);
  const text = answerTemplate(assignment, { studentId: options.student });
  if (!options.out) {
    process.stdout.write(text);
    return ExitCode.ok;
  }
  if (existsSync(options.out) && !options.force) {
    throw new CliError("template", "usage", `${options.out} exists (use --force to overwrite)`);
  }
  try {
    writeFileAtomic(options.out, text);
  } catch (error) {
    throw new CliError(
      "template",
      "io",
      `cannot write ${options.out}: ${(error as Error).message}`,
    );
  }
  console.error(`wrote ${options.out}`);
  return ExitCode.ok;
}
