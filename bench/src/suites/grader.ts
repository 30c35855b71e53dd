// nnkit-grade batch throughput: 2,000 generated submissions (seeded), graded by the built CLI as a
// separate process, with one worker and with two. The machine has 2 cores.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { generateSubmissions, writeSubmissions } from "../generate-submissions.js";
import type { BenchCase, BenchSuite } from "../harness.js";

const COUNT = 2000;
const cli = join(
  dirname(createRequire(import.meta.url).resolve("@nnkit/grader/package.json")),
  "dist",
  "cli.js",
);

function batch(dir: string, jobs: number): void {
  const out = mkdtempSync(join(tmpdir(), "nnkit-bench-out-"));
  const run = spawnSync(
    process.execPath,
    [cli, "batch", dir, "--out", out, "--jobs", String(jobs), "--quiet"],
    {
      encoding: "utf8",
    },
  );
  rmSync(out, { recursive: true, force: true });
  if (run.status !== 0 && run.status !== 1) throw new Error(`nnkit-grade failed: ${run.stderr}`);
}

const suite: BenchSuite = {
  name: "@nnkit/grader",
  cases: () => {
    const dir = mkdtempSync(join(tmpdir(), "nnkit-bench-class-"));
    writeSubmissions(dir, generateSubmissions(COUNT, 1));
    const work = { amount: COUNT, unit: " submissions" };
    const cases: BenchCase[] = [1, 2].map((jobs) => ({
      name: `batch ${COUNT} submissions, --jobs ${jobs}`,
      work,
      once: true,
      nnkit: () => batch(dir, jobs),
    }));
    return cases;
  },
};
export default suite;
