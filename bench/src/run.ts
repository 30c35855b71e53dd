// `pnpm bench`: runs every suite in src/suites and prints one Markdown table per package.
// Numbers are indicative: one run, one machine, no assertions.
//
//   pnpm bench                                   every suite
//   pnpm bench -- --only tensor,autodiff         suites whose file name contains a word (or `pnpm bench tensor`)
//   pnpm bench -- --only tensor --case matmul    and only the cases whose name contains a word
//   pnpm bench -- --json results.json            also write the results, with the machine's load, as JSON
//
// `node bench/src/readme-tables.ts results.json` (see there) puts a run's tables into the READMEs.
import { readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { type BenchRun, type BenchSuite, type CaseResult, runCase, toMarkdown } from "./harness.js";

const suitesDir = join(dirname(fileURLToPath(import.meta.url)), "suites");
const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  allowPositionals: true,
  options: { only: { type: "string" }, case: { type: "string" }, json: { type: "string" } },
});
const words = (list: string | undefined) => (list ?? "").split(",").filter((w) => w !== "");
const wantedSuites = [...words(values.only), ...positionals];
const wantedCases = words(values.case);
const files = readdirSync(suitesDir)
  .filter((f) => f.endsWith(".ts"))
  .filter((f) => wantedSuites.length === 0 || wantedSuites.some((w) => f.includes(w)))
  .sort();
if (files.length === 0) {
  console.error(`bench: no suite matches ${wantedSuites.join(", ")}`);
  process.exit(1);
}

const run: BenchRun = {
  command: ["pnpm bench", ...process.argv.slice(2).filter((arg) => arg !== "--")].join(" "),
  date: new Date().toISOString(),
  node: process.version,
  cpu: `${cpus()[0]?.model ?? "cpu"} ×${cpus().length}`,
  load: [],
  suites: [],
};
const sampleLoad = () => run.load.push(Number(loadavg()[0]?.toFixed(2)));
const started = performance.now();
console.log(`# nnkit benchmarks — Node ${run.node}, ${run.cpu}`);
for (const file of files) {
  const suite: BenchSuite = (await import(pathToFileURL(join(suitesDir, file)).href)).default;
  const suiteStarted = performance.now();
  const results: CaseResult[] = [];
  for (const c of await suite.cases()) {
    if (wantedCases.length > 0 && !wantedCases.some((w) => c.name.includes(w))) continue;
    process.stderr.write(`  ${suite.name}: ${c.name}…\n`);
    sampleLoad();
    results.push(await runCase(suite.name, c));
  }
  sampleLoad();
  const suiteSeconds = Number(((performance.now() - suiteStarted) / 1000).toFixed(1));
  run.suites.push({ name: suite.name, seconds: suiteSeconds, results });
  console.log(`\n## ${suite.name} (${suiteSeconds} s)\n\n${toMarkdown(results)}`);
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `\n${seconds.toFixed(0)} s; load average (1 min) during the run: ${Math.min(...run.load)}–${Math.max(...run.load)}`,
);
if (values.json) {
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), values.json);
  writeFileSync(path, `${JSON.stringify({ ...run, seconds }, null, 2)}\n`);
  console.log(`results written to ${path}`);
}
