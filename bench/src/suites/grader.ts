// nnkit-grade, the built CLI run as a separate process as instructors run it:
// - `check FILE` on a file whose answers need no proof, alternated with a bare `node -e 0` (the
//   floor of any Node program): the target is at most 4× its time, a ratio of at least 0.25;
// - a batch of a single such file (the batch's fixed cost);
// - a 600-file seeded class with `--jobs 2` alternated with `--jobs 1` (target ≥ 1.5×; the
//   machine has 2 cores). `--jobs 1` is the baseline of the target, not a peer.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parse, stringify } from "yaml";
import { examples, generateSubmissions, writeSubmissions } from "../generate-submissions.js";
import type { BenchCase, BenchSuite } from "../harness.js";

const CLASS_SIZE = 600;
const cli = join(
  dirname(createRequire(import.meta.url).resolve("@nnkit/grader/package.json")),
  "dist",
  "cli.js",
);

/** Runs the CLI; exit codes 0 and 1 (problems found in the files) are both a finished run. */
function nnkitGrade(args: readonly string[]): string {
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
  if (run.status !== 0 && run.status !== 1) throw new Error(`nnkit-grade failed: ${run.stderr}`);
  return run.stdout;
}

function batch(dir: string, jobs: number): void {
  const out = mkdtempSync(join(tmpdir(), "nnkit-bench-out-"));
  try {
    nnkitGrade(["batch", dir, "--out", out, "--jobs", String(jobs), "--quiet"]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The correct example without the answers whose grading needs the solver (the threshold networks
 * of 1.1 and 1.2, the condition of 2.4): every other question still graded as usual.
 */
function noProofFile(dir: string): string {
  const file = parse(readFileSync(join(examples, "correct.yaml"), "utf8"));
  for (const id of ["q1.1", "q1.2", "q2.4"]) delete file.answers[id];
  const path = join(dir, "no-proof.yaml");
  writeFileSync(path, stringify(file));
  return path;
}

const bareNode = () => spawnSync(process.execPath, ["-e", "0"]);

const suite: BenchSuite = {
  name: "@nnkit/grader",
  cases: () => {
    const single = mkdtempSync(join(tmpdir(), "nnkit-bench-one-"));
    const file = noProofFile(single);
    const klass = mkdtempSync(join(tmpdir(), "nnkit-bench-class-"));
    writeSubmissions(klass, generateSubmissions(CLASS_SIZE, 1));
    return [
      {
        name: "check FILE, no proof needed (target: ratio ≥ 0.25, i.e. ≤ 4× node -e 0)",
        peerName: "node -e 0 (Node's bare start)",
        setup() {
          const result = JSON.parse(nnkitGrade(["check", file, "--json"]));
          const scopes = JSON.stringify(result.questions.map((q: { items: unknown }) => q.items));
          if (scopes.includes('"proof"'))
            throw new Error("bench: the no-proof file needed a proof");
        },
        nnkit: () => nnkitGrade(["check", file, "--quiet"]),
        peer: bareNode,
      },
      {
        name: "batch of that one file (the fixed cost of a batch; target ≤ 0.5 s)",
        nnkit: () => batch(single, 1),
      },
      {
        name: `batch ${CLASS_SIZE} submissions, --jobs 2 against --jobs 1 (target ≥ 1.5×)`,
        peerName: "the same batch, --jobs 1 (the target's baseline)",
        work: { amount: CLASS_SIZE, unit: " submissions" },
        minRounds: 2,
        nnkit: () => batch(klass, 2),
        peer: () => batch(klass, 1),
      },
    ] satisfies BenchCase[];
  },
};
export default suite;
