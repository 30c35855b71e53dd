// Turbo's view of the task graph, from a dry run: which tasks exist and the hash of each.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./workspace.js";

export interface DryTask {
  readonly taskId: string;
  readonly task: string;
  readonly package: string;
  readonly hash: string;
  readonly command: string;
  readonly outputs: readonly string[] | null;
}

/** `turbo run <tasks> --dry=json` in `cwd`, with the repository's own turbo binary. */
export function dryRun(cwd: string, tasks: readonly string[]): DryTask[] {
  const turbo = join(repoRoot, "node_modules", ".bin", "turbo");
  const out = execFileSync(turbo, ["run", ...tasks, "--dry=json"], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1" },
  });
  return (JSON.parse(out) as { tasks: DryTask[] }).tasks;
}

/** Tasks that run a script (turbo lists scriptless ones as "<NONEXISTENT>"), by task id. */
export function runnableHashes(tasks: readonly DryTask[]): Map<string, DryTask> {
  return new Map(tasks.filter((t) => t.command !== "<NONEXISTENT>").map((t) => [t.taskId, t]));
}
