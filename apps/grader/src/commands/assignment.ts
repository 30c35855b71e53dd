import { type Assignment, assignments } from "@nnkit/grading";
import { CliError, ExitCode } from "../exit-codes.js";

export function resolveAssignment(id: string): Assignment {
  const found = assignments.find((a) => a.id === id);
  if (!found) {
    const known = assignments.map((a) => a.id).join(", ");
    throw new CliError(`unknown assignment "${id}" (known: ${known})`, ExitCode.usage);
  }
  return found;
}
