import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./args.js";

describe("parseCliArgs", () => {
  it("runs the app, with or without an answer file", () => {
    const none = { kind: "run", answersPath: undefined, assignment: undefined };
    expect(parseCliArgs([])).toEqual(none);
    expect(parseCliArgs(["--answers", "a.yaml"])).toEqual({ ...none, answersPath: "a.yaml" });
    expect(parseCliArgs(["-a", "b.yaml"])).toEqual({ ...none, answersPath: "b.yaml" });
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

  it("reports unknown options, stray words and a missing path", () => {
    expect(parseCliArgs(["--bogus"])).toMatchObject({
      kind: "error",
      message: expect.stringContaining("--bogus"),
    });
    expect(parseCliArgs(["answers.yaml"])).toMatchObject({ kind: "error" });
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
