// `pnpm bench:readme results.json`: puts the tables of one `pnpm bench -- --json results.json`
// run into the package READMEs, between the markers
//   <!-- bench:@nnkit/tensor:start --> … <!-- bench:@nnkit/tensor:end -->
// (one pair per package; see TABLES). The text outside the markers is left alone, so the prose
// about a run stays the author's, and the numbers always come from one run.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchRun, toMarkdown } from "./harness.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Which suite's table goes into which README. */
const TABLES: Record<string, string> = {
  "@nnkit/tensor": "packages/tensor/README.md",
  "@nnkit/autodiff": "packages/autodiff/README.md",
  "@nnkit/threshold": "packages/threshold/README.md",
  "@nnkit/grader": "apps/grader/README.md",
};

function markers(suite: string): [string, string] {
  return [`<!-- bench:${suite}:start -->`, `<!-- bench:${suite}:end -->`];
}

/** The generated block: where and when the run was, its load, then the suite's tables. */
export function block(run: BenchRun, suite: string): string {
  const results = run.suites.find((s) => s.name === suite)?.results;
  if (!results) throw new Error(`the run has no results for ${suite}`);
  const loads = run.load.filter((l) => Number.isFinite(l));
  const load = loads.length === 0 ? "unknown" : `${Math.min(...loads)}–${Math.max(...loads)}`;
  return [
    `One run of \`${run.command ?? "pnpm bench"}\` on ${run.date.slice(0, 10)} (${run.date.slice(11, 16)} UTC), Node ${run.node.replace(/^v/, "")}, ${run.cpu}; load average (1 min) ${load} during the run.`,
    "",
    toMarkdown(results),
  ].join("\n");
}

/** `readme` with the text between `suite`'s markers replaced by `content`. */
export function replaceBetweenMarkers(readme: string, suite: string, content: string): string {
  const [start, end] = markers(suite);
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1 || to < from) {
    throw new Error(`no ${start} … ${end} markers`);
  }
  return `${readme.slice(0, from + start.length)}\n${content}\n${readme.slice(to)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv.slice(2).find((arg) => arg !== "--");
  if (!file) {
    console.error(
      "usage: pnpm bench:readme results.json (from `pnpm bench -- --json results.json`)",
    );
    process.exit(1);
  }
  const run = JSON.parse(
    readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), "utf8"),
  ) as BenchRun;
  for (const [suite, readmePath] of Object.entries(TABLES)) {
    if (!run.suites.some((s) => s.name === suite)) {
      console.log(`skipped ${readmePath}: the run has no ${suite} suite`);
      continue;
    }
    const path = join(root, readmePath);
    writeFileSync(
      path,
      replaceBetweenMarkers(readFileSync(path, "utf8"), suite, block(run, suite)),
    );
    console.log(`updated ${readmePath}`);
  }
}
