// Shared vitest settings for every workspace package. Workspace dependencies resolve to their
// TypeScript sources through the "@nnkit/source" export condition, so tests need no prior build.
// Each run also writes a JSON report that scripts/test-summary.mjs totals for CI's closing line.
import { defineProject, type UserWorkspaceConfig } from "vitest/config";

const conditions = ["@nnkit/source", "import", "module", "node", "default"];

export function nnkitProject(overrides: UserWorkspaceConfig["test"] = {}): UserWorkspaceConfig {
  return defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ["@nnkit/source"] } },
    test: {
      include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
      // CI runs every package's suite side by side on two cores: give slow machines room.
      testTimeout: 30_000,
      reporters: ["default", "json"],
      outputFile: { json: "node_modules/.vitest/results.json" },
      ...overrides,
    },
  });
}
