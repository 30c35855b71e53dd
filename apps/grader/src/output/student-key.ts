// Output file names per student: the student id made safe for a file name, disambiguated when two
// files claim the same id (duplicates are reported, never merged).
import type { GradedFile } from "../batch/pool.js";

export interface KeyedResult extends GradedFile {
  /** File-name-safe key, unique within the batch. */
  key: string;
  /** Set when another file in the batch has the same student id. */
  duplicateOf?: string[];
}

function safeName(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
  return cleaned.slice(0, 100);
}

/** One spelling per student id: NFC and NFD forms of `é` are the same student. */
export function sameStudentId(id: string): string {
  return id.normalize("NFC");
}

export function keyResults(graded: readonly GradedFile[]): KeyedResult[] {
  const byId = new Map<string, GradedFile[]>();
  for (const g of graded) {
    const id = sameStudentId(g.result.student.id);
    if (!id) continue;
    const group = byId.get(id);
    if (group) group.push(g);
    else byId.set(id, [g]);
  }
  const used = new Set<string>();
  return graded.map((g) => {
    const id = sameStudentId(g.result.student.id);
    let key = safeName(id || `file-${g.file.relativePath}`);
    for (let n = 2; used.has(key); n++) key = `${safeName(id || g.file.relativePath)}~${n}`;
    used.add(key);
    const sameId = id ? byId.get(id)! : [];
    const duplicateOf =
      sameId.length > 1 ? sameId.filter((o) => o !== g).map((o) => o.file.relativePath) : undefined;
    return { ...g, key, duplicateOf };
  });
}

/** The question ids in the order the assignment lists them (taken from the results). */
export function questionIds(results: readonly GradedFile[]): string[] {
  const ids: string[] = [];
  for (const { result } of results) {
    for (const q of result.questions) if (!ids.includes(q.id)) ids.push(q.id);
  }
  return ids;
}

/** A file is invalid when every question of it came back invalid. */
export function isInvalid(g: GradedFile): boolean {
  return g.result.questions.length > 0 && g.result.questions.every((q) => q.status === "invalid");
}
