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

/** A file's key and duplicates, from what identifies it: its path and the student id it names. */
export interface FileKey {
  key: string;
  duplicateOf?: string[];
}

/** Keys for files (path, student id), in their order: no result needs to be held for them. */
export function keyFiles(files: readonly { relativePath: string; studentId: string }[]): FileKey[] {
  const byId = new Map<string, number[]>();
  files.forEach((f, index) => {
    const id = sameStudentId(f.studentId);
    if (!id) return;
    const group = byId.get(id);
    if (group) group.push(index);
    else byId.set(id, [index]);
  });
  const used = new Set<string>();
  return files.map((f, index) => {
    const id = sameStudentId(f.studentId);
    let key = safeName(id || `file-${f.relativePath}`);
    for (let n = 2; used.has(key); n++) key = `${safeName(id || f.relativePath)}~${n}`;
    used.add(key);
    const sameId = id ? byId.get(id)! : [];
    if (sameId.length < 2) return { key };
    const duplicateOf = sameId.filter((j) => j !== index).map((j) => files[j]!.relativePath);
    return { key, duplicateOf };
  });
}

export function keyResults(graded: readonly GradedFile[]): KeyedResult[] {
  const keys = keyFiles(
    graded.map((g) => ({ relativePath: g.file.relativePath, studentId: g.result.student.id })),
  );
  return graded.map((g, i) => ({ ...g, key: keys[i]!.key, duplicateOf: keys[i]!.duplicateOf }));
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
