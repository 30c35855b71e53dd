// Totals the vitest JSON reports of every workspace package into one closing line for CI:
// "vitest: N passed, N failed". Fails when a package's report is missing or no test ran.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const roots = ["packages", "apps", "tooling"];
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const root of roots) {
  if (!existsSync(root)) continue;
  for (const name of readdirSync(root)) {
    const dir = join(root, name);
    if (!existsSync(join(dir, "vitest.config.ts"))) continue;
    const report = join(dir, "node_modules", ".vitest", "results.json");
    if (!existsSync(report)) {
      missing.push(dir);
      continue;
    }
    const json = JSON.parse(readFileSync(report, "utf8"));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    skipped += json.numPendingTests + (json.numTodoTests ?? 0);
    console.log(`${dir}: ${json.numPassedTests} passed, ${json.numFailedTests} failed`);
  }
}
for (const dir of missing) console.log(`${dir}: no test report`);
console.log(`vitest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || missing.length > 0 || passed === 0) process.exitCode = 1;
