import { existsSync, rmSync, statSync } from "node:fs";
import { type AnswerFileRef, discoverAnswerFiles, type SkippedEntry } from "../batch/discover.js";
import { gradeEach, startWorkers } from "../batch/pool.js";
import { CliError, ExitCode } from "../exit-codes.js";
import { formatScore } from "../output/gradebook.js";
import { readManualStore } from "../output/manual-store.js";
import { lockOutputFolder } from "../output/out-lock.js";
import type { BatchStats } from "../output/summary.js";
import { openStaging, type UnappliedScore, writeOutputs } from "../output/write-outputs.js";
import { createProgress } from "../progress.js";

export interface BatchCommandOptions {
  out: string;
  jobs: number;
  assignment: string;
  quiet?: boolean;
  timeLimit?: number;
}

export async function batchCommand(dir: string, options: BatchCommandOptions): Promise<ExitCode> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliError("batch", "usage", `${dir} is not a folder`);
  }
  const { files, skipped } = discoverAnswerFiles(dir);
  if (files.length === 0) {
    const why = skipped.length ? `; not graded: ${describeSkipped(skipped)}` : "";
    throw new CliError("batch", "usage", `no answer files (.yaml, .yml, .json) under ${dir}${why}`);
  }
  // Before any work: a second batch on the same folder stops here, and stored manual scores load.
  const release = lockOutputFolder(options.out, "batch");
  try {
    return await gradeAndWrite(files, skipped, options);
  } finally {
    release();
  }
}

async function gradeAndWrite(
  files: AnswerFileRef[],
  skipped: SkippedEntry[],
  options: BatchCommandOptions,
): Promise<ExitCode> {
  const manual = readManualStore(options.out, "batch");
  const started = performance.now();
  // Workers start loading the grading machinery (about a second) while this thread loads its own.
  const workers = startWorkers(Math.min(options.jobs, files.length));
  const { assignmentSource, resolveAssignment } = await import("./assignment.js");
  let assignment: Awaited<ReturnType<typeof resolveAssignment>>;
  try {
    assignment = await resolveAssignment(options.assignment);
  } catch (error) {
    await Promise.all(workers.map((w) => w.thread.terminate()));
    throw error;
  }
  const progress = createProgress(files.length, options.quiet ?? false);
  const { ResultLog } = await import("../output/result-log.js");
  // Each result goes to disk as it is finished (nothing held), and stays there until the outputs
  // it gives are written: an interrupted batch loses no finished grade.
  let log: InstanceType<typeof ResultLog>;
  try {
    log = new ResultLog(options.out, files);
  } catch (error) {
    await Promise.all(workers.map((w) => w.thread.terminate()));
    throw new CliError(
      "batch",
      "io",
      `cannot write to ${options.out}: ${(error as Error).message}`,
    );
  }
  let staging: string;
  try {
    staging = openStaging(options.out);
  } catch (error) {
    log.close();
    await Promise.all(workers.map((w) => w.thread.terminate()));
    throw new CliError(
      "batch",
      "io",
      `cannot write to ${options.out}: ${(error as Error).message}`,
    );
  }
  // The workers write each student's files into the staging folder as they grade (by index).
  const staged = new Set<number>();
  let unapplied: UnappliedScore[];
  let stats: BatchStats;
  let decisions: Awaited<ReturnType<typeof gradeEach>>;
  try {
    decisions = await gradeEach(
      files,
      {
        assignment: assignmentSource(options.assignment),
        jobs: options.jobs,
        timeLimitSeconds: options.timeLimit,
        workers,
        stageDir: staging,
        onGraded: (g, done, total) =>
          progress.tick(
            `${g.file.relativePath} ${formatScore(g.result.score)}/${formatScore(g.result.max_score)}`,
            done,
            total,
          ),
      },
      (index, graded, written) => {
        log.append(index, graded);
        if (written) staged.add(index);
      },
    );
    progress.stop();
    try {
      ({ stats, unapplied } = writeOutputs(options.out, assignment.id, log, skipped, manual, {
        dir: staging,
        has: (index) => staged.has(index),
      }));
    } catch (error) {
      log.close();
      throw new CliError(
        "batch",
        "io",
        `cannot write outputs to ${options.out}: ${(error as Error).message}`,
      );
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log.remove();
  for (const { score, reason } of unapplied) {
    console.error(
      `nnkit-grade: manual score for ${score.studentId} ${score.question} not applied (kept in manual-scores.json): ${reason}`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `graded ${stats.files} files in ${seconds.toFixed(1)} s: ${stats.valid} valid, ${stats.invalid} invalid, ${stats.duplicates} duplicate ids, ${skipped.length} not graded (listed in summary.md); mean ${formatScore(stats.meanScore)}/${formatScore(stats.maxScore)}; proofs: ${decisions.solved} by the solver, ${decisions.cached} already decided; identities: ${decisions.compared} by the prover, ${decisions.recalled} already compared; outputs in ${options.out}`,
  );
  return stats.invalid > 0 || stats.duplicates > 0 ? ExitCode.problems : ExitCode.ok;
}

function describeSkipped(skipped: readonly SkippedEntry[]): string {
  const shown = skipped.slice(0, 5).map((s) => `${s.relativePath} (${s.reason})`);
  return `${shown.join(", ")}${skipped.length > 5 ? `, and ${skipped.length - 5} more` : ""}`;
}
