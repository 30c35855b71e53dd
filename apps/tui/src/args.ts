// Command-line arguments of `nnkit`, parsed into one of the things the binary can do.
import { parseArgs } from "node:util";

export type CliCommand =
  | { kind: "run"; answersPath: string | undefined; assignment: string | undefined }
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "error"; message: string };

export const usage = `Usage: nnkit [FILE | --answers FILE] [--assignment ID|PATH] [--help] [--version]

Explore homework 1 of the neural-networks course and self-check your answers.

Options:
  FILE, -a, --answers FILE  open this answer file (created on the Answers screen
                            if missing)
  --assignment ID|PATH      the assignment to answer: a built-in id (hw1) or an
                            assignment file (.yaml, .mjs); by default the one
                            the answer file names, else hw1
  -h, --help                show this help and exit
  -v, --version             print the version and exit

Inside the app press ? for the keys of the current screen, q or Esc to go back
and quit.`;

export function parseCliArgs(argv: readonly string[]): CliCommand {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        answers: { type: "string", short: "a" },
        assignment: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) return { kind: "help" };
    if (values.version) return { kind: "version" };
    if (values.answers === "")
      return { kind: "error", message: "nnkit: --answers needs a file path" };
    if (positionals.length > 1)
      return {
        kind: "error",
        message: `nnkit: one answer file at a time, not ${positionals.join(", ")}`,
      };
    const [file] = positionals;
    if (file !== undefined && values.answers !== undefined)
      return {
        kind: "error",
        message: `nnkit: the answer file is given twice (${file} and --answers ${values.answers})`,
      };
    if (values.assignment === "")
      return { kind: "error", message: "nnkit: --assignment needs an id or a file path" };
    return { kind: "run", answersPath: file ?? values.answers, assignment: values.assignment };
  } catch (error) {
    return { kind: "error", message: `nnkit: ${(error as Error).message}` };
  }
}
