// `pnpm bench`: runs every suite in src/suites (or those named on the command line) and prints one
// Markdown table per package. Numbers are indicative: one run, one machine, no assertions.
import { readdirSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BenchSuite, type CaseResult, runCase, toMarkdown } from "./harness.js";

const suitesDir = join(dirname(fileURLToPath(import.meta.url)), "suites");
const wanted = process.argv.slice(2);
const files = readdirSync(suitesDir)
  .filter((f) => f.endsWith(".ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

console.log(
  `# nnkit benchmarks — Node ${process.version}, ${cpus()[0]?.model ?? "cpu"} ×${cpus().length}`,
);
for (const file of files) {
  const suite: BenchSuite = (await import(pathToFileURL(join(suitesDir, file)).href)).default;
  const results: CaseResult[] = [];
  for (const c of await suite.cases()) {
    process.stderr.write(`  ${suite.name}: ${c.name}…\n`);
    results.push(await runCase(suite.name, c));
  }
  console.log(`\n## ${suite.name}\n\n${toMarkdown(results)}`);
}
