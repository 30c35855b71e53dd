// nnkit-grade, the built CLI run as a separate process as instructors run it. Every process (the
// peer's too) runs without NODE_EXTRA_CA_CERTS, which some machines set and which costs each Node
// start tens of milliseconds of certificate parsing: a constant that would flatter the ratio.
// - `check FILE` on a file whose answers need no proof, alternated with a bare `node -e 0` (the
//   floor of any Node program): the target is at most 4× its time, a ratio of at least 0.25. With
//   the code cache warm (written by the first run, as on a user's machine), and cold (turned off).
// - a batch of a single such file (the batch's fixed cost, target ≤ 0.5 s);
// - a 600-file seeded class with `--jobs 2` alternated with `--jobs 1` (target ≥ 1.5×; the machine
//   has 2 cores), with the proofs the batch asked for and how many its decision caches answered;
// - the peak memory (RSS, GNU time's %M) of a --jobs 2 batch of 150 and of 600 files: flat when
//   results stream to disk. `--jobs 1` is the baseline of a target, not a peer.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parse, stringify } from "yaml";
import { examples, generateSubmissions, writeSubmissions } from "../generate-submissions.js";
import type { BenchCase, BenchSuite } from "../harness.js";

const CLASS_SIZE = 600;
const SMALL_CLASS = 150;
const cli = join(
  dirname(createRequire(import.meta.url).resolve("@nnkit/grader/package.json")),
  "dist",
  "cli.js",
);

const { NODE_EXTRA_CA_CERTS: _, ...baseEnv } = process.env;
const cacheDir = mkdtempSync(join(tmpdir(), "nnkit-bench-cache-"));
const warm = { ...baseEnv, NNKIT_CACHE_DIR: cacheDir };
const cold = { ...baseEnv, NNKIT_CODE_CACHE: "off" };

/** Runs the CLI; exit codes 0 and 1 (problems found in the files) are both a finished run. */
function nnkitGrade(args: readonly string[], env: NodeJS.ProcessEnv = warm): string {
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", env });
  if (run.status !== 0 && run.status !== 1) throw new Error(`nnkit-grade failed: ${run.stderr}`);
  return run.stdout;
}

/** What a batch printed: its proofs (solver decisions, cache answers) and its wall time. */
interface BatchRun {
  seconds: number;
  solved: number;
  cached: number;
  /** Identities the symbolic prover compared, and those its caches answered. */
  compared: number;
  recalled: number;
}

function batch(dir: string, jobs: number): BatchRun {
  const out = mkdtempSync(join(tmpdir(), "nnkit-bench-out-"));
  const started = performance.now();
  try {
    const stdout = nnkitGrade(["batch", dir, "--out", out, "--jobs", String(jobs), "--quiet"]);
    const proofs = /proofs: (\d+) by the solver, (\d+) already decided/.exec(stdout);
    const identities = /identities: (\d+) by the prover, (\d+) already compared/.exec(stdout);
    return {
      seconds: (performance.now() - started) / 1000,
      solved: Number(proofs?.[1] ?? Number.NaN),
      cached: Number(proofs?.[2] ?? Number.NaN),
      compared: Number(identities?.[1] ?? Number.NaN),
      recalled: Number(identities?.[2] ?? Number.NaN),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Peak resident memory of a --jobs 2 batch of `dir`, in MB, measured by GNU time. */
function peakRssMb(dir: string): number | undefined {
  if (!existsSync("/usr/bin/time")) return undefined;
  const out = mkdtempSync(join(tmpdir(), "nnkit-bench-out-"));
  try {
    const run = spawnSync(
      "/usr/bin/time",
      ["-f", "%M", process.execPath, cli, "batch", dir, "--out", out, "--jobs", "2", "--quiet"],
      { encoding: "utf8", env: warm },
    );
    const kb = Number(run.stderr.trim().split("\n").at(-1));
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The correct example without the answers whose grading needs a proof (the solver's threshold
 * networks and condition, the symbolic identities of formulas and backprop equations): every
 * question graded by a direct comparison stays, graded as usual.
 */
function noProofFile(dir: string): string {
  const source = join(examples, "correct.yaml");
  const graded = JSON.parse(nnkitGrade(["check", source, "--json"]));
  const file = parse(readFileSync(source, "utf8"));
  for (const question of graded.questions as { id: string; items: unknown }[])
    if (JSON.stringify(question.items).includes('"proof"')) delete file.answers[question.id];
  const path = join(dir, "no-proof.yaml");
  writeFileSync(path, stringify(file));
  return path;
}

const bareNode = () => spawnSync(process.execPath, ["-e", "0"], { env: baseEnv });

const suite: BenchSuite = {
  name: "@nnkit/grader",
  cases: () => {
    const single = mkdtempSync(join(tmpdir(), "nnkit-bench-one-"));
    const file = noProofFile(single);
    const klass = mkdtempSync(join(tmpdir(), "nnkit-bench-class-"));
    writeSubmissions(klass, generateSubmissions(CLASS_SIZE, 1));
    const smallClass = mkdtempSync(join(tmpdir(), "nnkit-bench-class-"));
    writeSubmissions(smallClass, generateSubmissions(SMALL_CLASS, 1));
    const runs: { 1: BatchRun[]; 2: BatchRun[] } = { 1: [], 2: [] };
    const batchOf = (jobs: 1 | 2) => () => runs[jobs].push(batch(klass, jobs));
    const proofsNote = () => {
      const all = [...runs[1], ...runs[2]];
      const last = (jobs: 1 | 2) => runs[jobs].at(-1);
      const perSecond = (r: BatchRun | undefined) =>
        r ? ((r.solved + r.cached) / r.seconds).toFixed(1) : "?";
      const hits = (r: BatchRun | undefined) => (r ? `${r.cached}/${r.solved + r.cached}` : "?");
      const recalls = (r: BatchRun | undefined) =>
        r ? `${r.recalled}/${r.compared + r.recalled}` : "?";
      if (all.length === 0) return undefined;
      return `proofs/s ${perSecond(last(2))} (jobs 2), ${perSecond(last(1))} (jobs 1); cache hits ${hits(last(2))} (jobs 2), ${hits(last(1))} (jobs 1); identities from cache ${recalls(last(2))} (jobs 2), ${recalls(last(1))} (jobs 1)`;
    };
    let rss: { small?: number; large?: number } = {};
    return [
      {
        name: "check FILE, no proof needed, code cache warm (target: ratio ≥ 0.25, i.e. ≤ 4× node -e 0)",
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
        name: "check FILE, no proof needed, code cache off (a first run)",
        peerName: "node -e 0 (Node's bare start)",
        nnkit: () => nnkitGrade(["check", file, "--quiet"], cold),
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
        nnkit: batchOf(2),
        peer: batchOf(1),
        note: proofsNote,
      },
      {
        name: `peak RSS of a --jobs 2 batch, ${SMALL_CLASS} against ${CLASS_SIZE} submissions (target: flat)`,
        once: true,
        nnkit: () => {
          rss = { small: peakRssMb(smallClass), large: peakRssMb(klass) };
        },
        note: () =>
          rss.small === undefined || rss.large === undefined
            ? "no GNU time here"
            : `${rss.small.toFixed(0)} MB at ${SMALL_CLASS}, ${rss.large.toFixed(0)} MB at ${CLASS_SIZE} (×${(rss.large / rss.small).toFixed(2)})`,
      },
    ] satisfies BenchCase[];
  },
};
export default suite;
