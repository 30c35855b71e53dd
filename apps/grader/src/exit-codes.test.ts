import { describe, expect, it } from "vitest";
import { CliError, ExitCode } from "./exit-codes.js";

describe("CliError", () => {
  it("exits with the code its name says, the command starting the message", () => {
    const error = new CliError("batch", "io", "cannot write outputs to out");
    expect(error.code).toBe("io");
    expect(error.exitCode).toBe(ExitCode.io);
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe("batch: cannot write outputs to out");
    expect(new CliError("check", "usage", "x is not a file").exitCode).toBe(2);
  });

  it("takes the message as it is when it names its own place", () => {
    const error = new CliError("", "usage", 'unknown assignment "hw9"');
    expect(error.message).toBe('unknown assignment "hw9"');
    expect(error.where).toBe("");
  });
});
