// The README's main command: grade the sample class in examples/hw1/submissions with the built
// nnkit-grade CLI, exactly as an instructor would, and print the class summary.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const out = "graded";
const args = ["apps/grader/dist/cli.js", "batch", "examples/hw1/submissions", "--out", out];
console.log(`$ nnkit-grade ${args.slice(1).join(" ")}`);
const run = spawnSync(process.execPath, args, { stdio: "inherit" });
// Exit code 1 means "graded, some files invalid": the sample class has two invalid files on purpose.
if (run.status !== 0 && run.status !== 1) process.exit(run.status ?? 1);
console.log(`\n${readFileSync(join(out, "summary.md"), "utf8")}`);
console.log(`Gradebook: ${out}/gradebook.csv · feedback per student: ${out}/feedback/`);
