// The GitHub workflows parse as YAML, use only keys of GitHub's workflow syntax and only the
// documented inputs of the actions they call, and run the commands the release path relies on.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "./workspace.js";

// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax
const workflowKeys = [
  "name",
  "run-name",
  "on",
  "permissions",
  "env",
  "defaults",
  "concurrency",
  "jobs",
];
const jobKeys = [
  "name",
  "permissions",
  "needs",
  "if",
  "runs-on",
  "environment",
  "concurrency",
  "outputs",
  "env",
  "defaults",
  "steps",
  "timeout-minutes",
  "strategy",
  "continue-on-error",
];
const stepKeys = [
  "id",
  "if",
  "name",
  "uses",
  "run",
  "working-directory",
  "shell",
  "with",
  "env",
  "continue-on-error",
  "timeout-minutes",
];
const permissionScopes = [
  "actions",
  "attestations",
  "checks",
  "contents",
  "deployments",
  "discussions",
  "id-token",
  "issues",
  "packages",
  "pages",
  "pull-requests",
  "security-events",
  "statuses",
];

// The inputs each action's action.yml declares at the pinned major version.
const actionInputs: Record<string, readonly string[]> = {
  "actions/checkout@v7": [
    "repository",
    "ref",
    "token",
    "ssh-key",
    "ssh-known-hosts",
    "ssh-strict",
    "ssh-user",
    "persist-credentials",
    "path",
    "clean",
    "filter",
    "sparse-checkout",
    "sparse-checkout-cone-mode",
    "fetch-depth",
    "fetch-tags",
    "show-progress",
    "lfs",
    "submodules",
    "set-safe-directory",
    "github-server-url",
    "allow-unsafe-pr-checkout",
  ],
  "actions/setup-node@v7": [
    "node-version",
    "node-version-file",
    "architecture",
    "check-latest",
    "registry-url",
    "scope",
    "token",
    "cache",
    "package-manager-cache",
    "cache-dependency-path",
    "mirror",
    "mirror-token",
  ],
  "changesets/action@v1": [
    "github-token",
    "publish",
    "version",
    "cwd",
    "commit",
    "title",
    "setupGitUser",
    "createGithubReleases",
    "commitMode",
    "branch",
    "prDraft",
  ],
};

interface Step {
  readonly [key: string]: unknown;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}
interface Workflow {
  readonly [key: string]: unknown;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, { readonly [key: string]: unknown; readonly steps: Step[] }>;
}

function workflow(file: string): Workflow {
  return parse(readFileSync(join(repoRoot, ".github", "workflows", file), "utf8"));
}
const rootScripts: Record<string, string> = JSON.parse(
  readFileSync(join(repoRoot, "package.json"), "utf8"),
).scripts;

describe.each(["ci.yml", "release.yml"])("%s", (file) => {
  const wf = workflow(file);
  it("uses only workflow syntax keys", () => {
    for (const key of Object.keys(wf)) expect(workflowKeys).toContain(key);
    for (const [scope, access] of Object.entries(wf.permissions ?? {})) {
      expect(permissionScopes).toContain(scope);
      expect(["read", "write", "none"]).toContain(access);
    }
    for (const job of Object.values(wf.jobs)) {
      for (const key of Object.keys(job)) expect(jobKeys).toContain(key);
      for (const step of job.steps) {
        for (const key of Object.keys(step)) expect(stepKeys).toContain(key);
        expect(("uses" in step ? 1 : 0) + ("run" in step ? 1 : 0)).toBe(1);
      }
    }
  });
  it("passes each action only its documented inputs", () => {
    for (const step of Object.values(wf.jobs).flatMap((job) => job.steps)) {
      if (step.uses === undefined) continue;
      const inputs = actionInputs[step.uses];
      expect(inputs, `inputs of ${step.uses} are not on record`).toBeDefined();
      for (const input of Object.keys(step.with ?? {})) expect(inputs).toContain(input);
    }
  });
});

describe("CI", () => {
  const steps = Object.values(workflow("ci.yml").jobs).flatMap((job) => job.steps);
  it("runs .ci/run on pushes and pull requests", () => {
    expect(Object.keys(workflow("ci.yml").on as object).sort()).toEqual(["pull_request", "push"]);
    expect(steps.map((s) => s.run)).toContain(".ci/run");
  });
  it("asks pull requests for changesets against main, with main's history fetched", () => {
    const status = steps.find((s) => s.run?.includes("changeset status"));
    expect(status?.run).toContain("--since=origin/main");
    expect(status?.if).toBe("github.event_name == 'pull_request'");
    expect(steps.find((s) => s.uses?.startsWith("actions/checkout@"))?.with?.["fetch-depth"]).toBe(
      0,
    );
  });
});

describe("release", () => {
  const wf = workflow("release.yml");
  const steps = Object.values(wf.jobs).flatMap((job) => job.steps);
  const action = steps.find((s) => s.uses?.startsWith("changesets/action@"));
  it("may sign provenance and open the version pull request", () => {
    expect(wf.permissions).toMatchObject({
      "id-token": "write",
      contents: "write",
      "pull-requests": "write",
    });
  });
  it("versions with changeset version, publishes after the full check", () => {
    expect(action?.with?.version).toBe("pnpm run version-packages");
    expect(action?.with?.publish).toBe("pnpm run release");
    expect(rootScripts["version-packages"]).toBe("changeset version");
    expect(rootScripts.release).toMatch(/^pnpm test && changeset publish$/);
  });
  it("has pnpm on PATH before the action calls it", () => {
    const runs = steps.map((s) => s.run ?? s.uses);
    const installPnpm = runs.findIndex((r) => r?.startsWith("npm install --global pnpm@"));
    expect(installPnpm).toBeGreaterThanOrEqual(0);
    expect(installPnpm).toBeLessThan(runs.indexOf(action?.uses));
    expect(runs[installPnpm]).toBe(
      `npm install --global ${JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).packageManager}`,
    );
  });
});
