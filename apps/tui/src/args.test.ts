import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./args.js";

describe("parseCliArgs", () => {
  it("runs the app, with or without an answer file", () => {
    expect(parseCliArgs([])).toEqual({ kind: "run", answersPath: undefined });
    expect(parseCliArgs(["--answers", "a.yaml"])).toEqual({ kind: "run", answersPath: "a.yaml" });
    expect(parseCliArgs(["-a", "b.yaml"])).toEqual({ kind: "run", answersPath: "b.yaml" });
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
