import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { AssignmentSpecError } from "./spec-error.js";

type Location = NonNullable<AssignmentSpecError["location"]>;

/**
 * An error raised while importing or validating an assignment module, as an AssignmentSpecError
 * naming the file and, where Node says it, the line: `hw2.mjs:12:5: nope is not defined`.
 */
export function moduleSpecError(path: string, error: unknown): AssignmentSpecError {
  if (error instanceof AssignmentSpecError) return error;
  // One line: a bundler's or test runner's loader may add a code frame below the message.
  const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
  // A syntax error (or a loader's parse error) has no frame in the file: ask \`node --check\`.
  const location = stackLocation(path, error) ?? syntaxErrorLocation(path);
  return location
    ? new AssignmentSpecError([], "module", detail, { location: location })
    : new AssignmentSpecError([], "module", `${path}: ${detail}`);
}

/** The first stack frame inside the file (the module's own code, not a library it calls). */
function stackLocation(path: string, error: unknown): Location | undefined {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  for (const prefix of [pathToFileURL(path).href, path]) {
    const at = stack.indexOf(`${prefix}:`);
    if (at < 0) continue;
    const match = /^:(\d+):(\d+)/.exec(stack.slice(at + prefix.length));
    if (match) return { file: path, line: Number(match[1]), column: Number(match[2]) };
  }
  return undefined;
}

/**
 * Node's import() does not say where a syntax error is (Node 20), but `node --check` does, on its
 * first lines: `FILE:LINE`, the source line, and carets under the column.
 */
function syntaxErrorLocation(path: string): Location | undefined {
  const checked = spawnSync(process.execPath, ["--check", path], {
    encoding: "utf8",
    timeout: 10_000,
    maxBuffer: 1 << 20,
  });
  const lines = (checked.stderr ?? "").split("\n");
  const header = lines.findIndex((line) => line.startsWith(`${path}:`));
  if (header < 0) return undefined;
  const line = Number(lines[header]!.slice(path.length + 1));
  if (!Number.isInteger(line) || line < 1) return undefined;
  const caret = lines[header + 2]?.indexOf("^") ?? -1;
  return { file: path, line, column: caret >= 0 ? caret + 1 : 1 };
}
