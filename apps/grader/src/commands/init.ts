import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { CliError, ExitCode } from "../exit-codes.js";
import { COURSE_FILES } from "../init/course-files.js";
import { writeFileAtomic } from "../output/atomic.js";

/**
 * Writes a course folder to start from: an assignment using several question kinds, its reference
 * solution, a correct and a wrong answer file, and a README of the grading commands. Existing
 * files are kept (all of them named) unless `force`.
 */
export function initCommand(dir: string, options: { force?: boolean }): ExitCode {
  const names = Object.keys(COURSE_FILES);
  const existing = names.filter((name) => existsSync(join(dir, name)));
  if (existing.length > 0 && !options.force) {
    throw new CliError(
      "init",
      "usage",
      `${dir} already has ${existing.join(", ")} (use --force to overwrite)`,
    );
  }
  try {
    for (const name of names) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileAtomic(path, COURSE_FILES[name]!);
    }
  } catch (error) {
    throw new CliError("init", "io", `cannot write to ${dir}: ${(error as Error).message}`);
  }
  console.log(`wrote ${dir}: ${names.join(", ")}
next, in ${dir}:
  nnkit-grade validate assignment.yaml --solution solution.yaml
  nnkit-grade batch submissions --out graded --assignment assignment.yaml
(README.md there lists the other commands)`);
  return ExitCode.ok;
}
