import { readFileSync } from "node:fs";
import { studentVariant } from "@nnkit/grading";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { CliError, ExitCode } from "../exit-codes.js";
import { resolveAssignment } from "./assignment.js";

const ID_COLUMNS = ["student_id", "id", "sid", "student"];

function formatValue(value: number | readonly number[]): string {
  return typeof value === "number" ? String(value) : `[${value.join(", ")}]`;
}

export async function variantsCommand(options: {
  roster: string;
  assignment: string;
}): Promise<ExitCode> {
  const assignment = await resolveAssignment(options.assignment);
  let rows: Record<string, string>[];
  try {
    rows = parse(readFileSync(options.roster, "utf8"), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new CliError(
      "variants",
      "usage",
      `cannot read roster ${options.roster}: ${(error as Error).message}`,
    );
  }
  const idColumn = ID_COLUMNS.find((c) => rows.length > 0 && c in rows[0]!);
  if (!idColumn) {
    throw new CliError(
      "variants",
      "usage",
      `roster ${options.roster} needs a header with one of: ${ID_COLUMNS.join(", ")}`,
    );
  }
  const table = rows.map((row) => {
    const id = row[idColumn]!;
    return { id, name: row.name ?? "", variant: studentVariant(assignment, id) };
  });
  if (!assignment.perStudentVariants) {
    console.error(
      `nnkit-grade: ${assignment.id} has per-student variants off: every row shows the handout's numbers`,
    );
  }
  const keys = [...new Set(table.flatMap((t) => Object.keys(t.variant)))].sort();
  process.stdout.write(
    stringify([
      ["student_id", "name", ...keys],
      ...table.map((t) => [
        t.id,
        t.name,
        ...keys.map((k) => (k in t.variant ? formatValue(t.variant[k]!) : "")),
      ]),
    ]),
  );
  return ExitCode.ok;
}
