/** Exit codes of nnkit-grade, documented in the README and `--help`. */
export const ExitCode = {
  /** Everything was graded and written. */
  ok: 0,
  /** Graded, but some input was invalid (an unreadable answer file, duplicate student ids). */
  problems: 1,
  /** Bad usage: unknown option or command, missing file or folder, unknown assignment or a mistake in an assignment file. */
  usage: 2,
  /** Outputs could not be written. */
  io: 3,
  /** A bug in nnkit-grade itself; please report it with the message printed. */
  internal: 4,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Why a command ended early: the name of its exit code. */
export type CliErrorCode = Exclude<keyof typeof ExitCode, "ok">;

/**
 * An error that ends the command with a message and an exit code, without a stack trace. `where`
 * (the command, e.g. `batch`) starts the message; "" for a message that names its own place.
 */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(
    readonly where: string,
    readonly code: CliErrorCode,
    message: string,
  ) {
    super(where === "" ? message : `${where}: ${message}`);
    this.name = "CliError";
    this.exitCode = ExitCode[code];
  }
}

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  graded, but some input was invalid (unreadable answer files, duplicate
     student ids)
  2  bad usage (unknown option, missing file or folder, unknown assignment,
     a mistake in an assignment file)
  3  outputs could not be written
  4  internal error (a bug: please report it)`;
