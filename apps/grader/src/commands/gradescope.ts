import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { isAssignmentPath } from "@nnkit/grading";
import { strToU8, zipSync } from "fflate";
import { discoverAnswerFiles } from "../batch/discover.js";
import { gradeHere } from "../batch/grade-here.js";
import { CliError, ExitCode } from "../exit-codes.js";
import { writeFileAtomic } from "../output/atomic.js";
import { gradescopeResults, type SubmissionMetadata } from "../output/gradescope-results.js";
import { VERSION } from "../version.js";
import { assignmentSource, resolveAssignment } from "./assignment.js";

const EXECUTABLE = 0o100755 << 16;

function setupScript(install: string): string {
  return `#!/usr/bin/env bash
# Gradescope runs this once while building the autograder image (Ubuntu): it installs Node.js 20
# and the nnkit grader.
set -euo pipefail
apt-get update
apt-get install -y curl ca-certificates
curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
apt-get install -y nodejs
${install}
nnkit-grade --version
`;
}

/** Single-quoted for bash, so any file name is passed as it is. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * `assignment` is a built-in id, or a file inside the zip (relative to the folder Gradescope unpacks
 * it into, /autograder/source). NNKIT_AUTOGRADER_ROOT stands in for /autograder when the script is
 * tried outside Gradescope.
 */
function runScript(assignment: { id: string } | { file: string }): string {
  const source =
    "id" in assignment
      ? shellQuote(assignment.id)
      : `"$root/source/"${shellQuote(assignment.file)}`;
  return `#!/usr/bin/env bash
# Gradescope runs this for every submission; results land in /autograder/results/results.json.
set -uo pipefail
root="\${NNKIT_AUTOGRADER_ROOT:-/autograder}"
nnkit-grade gradescope run --assignment ${source} \\
  --submission "$root/submission" --results "$root/results/results.json"
`;
}

export async function gradescopeBuildCommand(options: {
  out: string;
  assignment: string;
  bundle?: string[];
}): Promise<ExitCode> {
  // Loaded (and so checked) before it is packed: a broken assignment never reaches Gradescope.
  const assignment = await resolveAssignment(options.assignment);
  const files: Record<string, [Uint8Array, { attrs?: number }]> = {};
  // An assignment file travels in the zip, and the run script grades against that copy.
  let runAssignment: Parameters<typeof runScript>[0] = { id: assignment.id };
  if (isAssignmentPath(options.assignment)) {
    const file = `assignment/${basename(options.assignment)}`;
    files[file] = [readFileSync(assignmentSource(options.assignment)), {}];
    runAssignment = { file };
  }
  let install = `npm install --global --no-audit --no-fund @nnkit/grader@${VERSION}`;
  if (options.bundle?.length) {
    for (const tarball of options.bundle) {
      if (!existsSync(tarball) || !tarball.endsWith(".tgz")) {
        throw new CliError(
          "gradescope build",
          "usage",
          `${tarball} is not a package tarball (.tgz)`,
        );
      }
      files[`tarballs/${basename(tarball)}`] = [readFileSync(tarball), {}];
    }
    install = "npm install --global --no-audit --no-fund /autograder/source/tarballs/*.tgz";
  }
  // An ES-module assignment imports @nnkit/grading, which Node resolves from the module's folder
  // up, never from the global install: give it a copy beside it.
  if (isModule(options.assignment)) {
    const local = options.bundle?.length
      ? "/autograder/source/tarballs/*.tgz"
      : `@nnkit/grading@${gradingVersion()}`;
    install += `\n(cd /autograder/source && npm install --no-save --no-audit --no-fund ${local})`;
  }
  files["setup.sh"] = [strToU8(setupScript(install)), { attrs: EXECUTABLE }];
  files.run_autograder = [strToU8(runScript(runAssignment)), { attrs: EXECUTABLE }];
  // Fixed timestamps keep the zip byte-identical across builds.
  const zip = zipSync(files, { mtime: new Date("2026-01-01T00:00:00Z") });
  writeFileSync(options.out, zip);
  console.log(`wrote ${options.out} (${Object.keys(files).length} files) for ${assignment.id}`);
  return ExitCode.ok;
}

function isModule(source: string): boolean {
  return isAssignmentPath(source) && /\.m?js$/i.test(source);
}

/**
 * The version of @nnkit/grading this grader runs with, for a module's own copy: the bundle is
 * built with it (scripts/bundle.mjs defines it, as no @nnkit/grading is installed beside it).
 */
function gradingVersion(): string {
  const bundled = process.env.NNKIT_BUNDLED_GRADING_VERSION;
  if (bundled) return bundled;
  const require = createRequire(import.meta.url);
  return (require("@nnkit/grading/package.json") as { version: string }).version;
}

function readMetadata(path: string): SubmissionMetadata | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as SubmissionMetadata;
  } catch (error) {
    console.error(`nnkit-grade: ignoring unreadable ${path}: ${(error as Error).message}`);
    return undefined;
  }
}

export async function gradescopeRunCommand(options: {
  submission: string;
  results: string;
  metadata?: string;
  assignment: string;
  timeLimit?: number;
}): Promise<ExitCode> {
  const started = performance.now();
  const assignment = await resolveAssignment(options.assignment);
  if (!existsSync(options.submission) || !statSync(options.submission).isDirectory()) {
    throw new CliError("gradescope run", "usage", `${options.submission} is not a folder`);
  }
  const metadata = readMetadata(
    options.metadata ?? join(dirname(options.submission), "submission_metadata.json"),
  );
  const { files: candidates, skipped } = discoverAnswerFiles(options.submission);
  const chosen =
    candidates.find((f) => /^answers?\.(ya?ml|json)$/i.test(basename(f.path))) ?? candidates[0];
  // Students read results.json: grade for them, so hidden checks' details never appear.
  const submittedAt = new Date(metadata?.created_at ?? Date.now());
  // Graded within the time budget, so Gradescope always receives a results.json.
  const result = chosen
    ? (
        await gradeHere(chosen, {
          assignment: assignmentSource(options.assignment),
          audience: "student",
          now: (Number.isNaN(submittedAt.getTime()) ? new Date() : submittedAt).toISOString(),
          timeLimitSeconds: options.timeLimit,
        })
      ).result
    : undefined;
  const json = gradescopeResults({
    assignment,
    result,
    submittedFile: chosen?.relativePath,
    // Every file not graded is named, with why, so a student sees what happened to each upload.
    otherFiles: [
      ...candidates
        .filter((c) => c !== chosen)
        .map((c) => `${c.relativePath} (only one answer file is graded)`),
      ...skipped.map((s) => `${s.relativePath} (${s.reason})`),
    ],
    metadata,
    executionSeconds: (performance.now() - started) / 1000,
  });
  try {
    writeFileAtomic(options.results, `${JSON.stringify(json, null, 2)}\n`);
  } catch (error) {
    throw new CliError(
      "gradescope run",
      "io",
      `cannot write ${options.results}: ${(error as Error).message}`,
    );
  }
  console.log(
    `wrote ${options.results}: ${json.score}/${json.tests.reduce((s, t) => s + t.max_score, 0)}`,
  );
  return ExitCode.ok;
}
