// .ci/run is the README's test command, run with the same notices silenced as the README says.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { repoRoot } from "./workspace.js";

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
const ciRun = readFileSync(join(repoRoot, ".ci", "run"), "utf8").split("\n");
const shellLines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
  m[1]!.split("\n").filter((l) => l !== "" && !l.startsWith("#")),
);

it("silences the update and telemetry notices the README silences", () => {
  const exports = shellLines.find((l) => l.startsWith("export "));
  expect(exports).toBeDefined();
  for (const setting of [
    "npm_config_update_notifier=false",
    "TURBO_TELEMETRY_DISABLED=1",
    "TURBO_NO_UPDATE_NOTIFIER=1",
  ]) {
    expect(exports).toContain(setting);
  }
  expect(ciRun).toContain(exports);
});

it("ends with the README's test command", () => {
  const test = shellLines.find((l) => l.endsWith("pnpm@12.4.2 test"));
  expect(test).toBe("npx -y pnpm@12.4.2 install && npx -y pnpm@12.4.2 test");
  const last = ciRun.filter((l) => l !== "").at(-1);
  expect(last).toBe(test!.replace(" install ", " install --frozen-lockfile "));
});
