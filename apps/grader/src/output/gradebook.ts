// gradebook.csv: one row per answer file, one column per question, then the total.
import { stringify } from "csv-stringify/sync";
import { isInvalid, type KeyedResult, questionIds } from "./student-key.js";
import { csvTextCell } from "./untrusted-text.js";

export const GRADEBOOK_FIXED_COLUMNS = ["student_id", "name", "file"] as const;

export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : String(Math.round(score * 1000) / 1000);
}

/** The gradebook's first line: the fixed columns, one per question id, the totals and notes. */
export function gradebookHeader(ids: readonly string[]): string {
  return stringify([
    [...GRADEBOOK_FIXED_COLUMNS, ...ids.map(csvTextCell), "total", "max_total", "notes"],
  ]);
}

/** One file's line of the gradebook, for the question ids of the header. */
export function gradebookRow(ids: readonly string[], r: KeyedResult): string {
  const byId = new Map(r.result.questions.map((q) => [q.id, q]));
  const notes = [
    isInvalid(r) ? "invalid file" : "",
    r.duplicateOf ? `duplicate id (also in ${r.duplicateOf.join(", ")})` : "",
  ].filter(Boolean);
  // Text a student chose (id, name, file name) is neutralised; scores are numbers we wrote.
  return stringify([
    [
      csvTextCell(r.result.student.id),
      csvTextCell(r.result.student.name),
      csvTextCell(r.file.relativePath),
      ...ids.map((id) => formatScore(byId.get(id)?.score ?? 0)),
      formatScore(r.result.score),
      formatScore(r.result.max_score),
      csvTextCell(notes.join("; ")),
    ],
  ]);
}

export function gradebookCsv(results: readonly KeyedResult[]): string {
  const ids = questionIds(results);
  return gradebookHeader(ids) + results.map((r) => gradebookRow(ids, r)).join("");
}
