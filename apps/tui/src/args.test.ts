import { describe, expect, it } from "vitest";
import { parseCliArgs, usage } from "./args.js";

describe("parseCliArgs", () => {
  it("runs the app, with or without an answer file", () => {
    const none = { kind: "run", answersPath: undefined, assignment: undefined };
    expect(parseCliArgs([])).toEqual(none);
    expect(parseCliArgs(["--answers", "a.yaml"])).toEqual({ ...none, answersPath: "a.yaml" });
    expect(parseCliArgs(["-a", "b.yaml"])).toEqual({ ...none, answersPath: "b.yaml" });
    expect(parseCliArgs(["c.yaml"])).toEqual({ ...none, answersPath: "c.yaml" });
  });

  it("refuses two answer files", () => {
    expect(parseCliArgs(["a.yaml", "b.yaml"])).toEqual({
      kind: "error",
      message: "nnkit: one answer file at a time, not a.yaml, b.yaml",
    });
    expect(parseCliArgs(["a.yaml", "--answers", "b.yaml"])).toEqual({
      kind: "error",
      message: "nnkit: the answer file is given twice (a.yaml and --answers b.yaml)",
    });
  });

  it("keeps its help within an 80-column terminal", () => {
    for (const line of usage.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it("takes the assignment as an id or a path", () => {
    expect(parseCliArgs(["--assignment", "hw2.mjs", "-a", "x.yaml"])).toEqual({
      kind: "run",
      answersPath: "x.yaml",
      assignment: "hw2.mjs",
    });
    expect(parseCliArgs(["--assignment="])).toEqual({
      kind: "error",
      message: "nnkit: --assignment needs an id or a file path",
    });
  });

  it("prefers help over version", () => {
    expect(parseCliArgs(["--version", "--help"])).toEqual({ kind: "help" });
    expect(parseCliArgs(["-v"])).toEqual({ kind: "version" });
  });

  it("reports unknown options and a missing path", () => {
    expect(parseCliArgs(["--bogus"])).toMatchObject({
      kind: "error",
      message: expect.stringContaining("--bogus"),
    });
    expect(parseCliArgs(["--answers"])).toMatchObject({
      kind: "error",
      message: expect.stringContaining("--answers"),
    });
    expect(parseCliArgs(["--answers="])).toEqual({
      kind: "error",
      message: "nnkit: --answers needs a file path",
    });
  });
});
