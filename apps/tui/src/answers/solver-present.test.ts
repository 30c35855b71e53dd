import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { noSolverReason, requireSolver } from "./solver-present.js";

describe("requireSolver", () => {
  it("passes where z3-solver can be found (the workspace installs it for the app's tests)", () => {
    expect(() => requireSolver(import.meta.url)).not.toThrow();
  });

  it("refuses with the reason the self-check shows where it cannot", () => {
    const alone = join(mkdtempSync(join(tmpdir(), "nnkit-no-solver-")), "module.js");
    writeFileSync(alone, "");
    expect(() => requireSolver(pathToFileURL(alone).href)).toThrow(noSolverReason);
  });
});
