// Finds answer files under a folder, recursively, in a stable order (so reruns are identical), and
// lists every other entry with why it is not graded: nothing is skipped in silence.
import { accessSync, constants, type Dirent, readdirSync } from "node:fs";
import { join, relative } from "node:path";

export const ANSWER_EXTENSIONS = [".yaml", ".yml", ".json"] as const;

export interface AnswerFileRef {
  /** Absolute or cwd-relative path used to read the file. */
  path: string;
  /** Path relative to the batch folder, shown in reports. */
  relativePath: string;
}

/** An entry of the folder that is not graded, and why. */
export interface SkippedEntry {
  relativePath: string;
  reason: string;
}

export interface Discovery {
  files: AnswerFileRef[];
  skipped: SkippedEntry[];
}

/** Whether a name ends in an answer file's extension, in any case (`ANSWERS.YAML` is one). */
export function isAnswerFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return ANSWER_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function readable(path: string): string | undefined {
  try {
    accessSync(path, constants.R_OK);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? "unreadable";
  }
}

/** Why an entry is not graded, or undefined for an answer file or a folder to walk. */
function skipReason(entry: Dirent, path: string): string | undefined {
  if (entry.name === "node_modules") return "a node_modules folder: not searched";
  if (entry.name.startsWith(".")) return "hidden: not graded";
  if (entry.isSymbolicLink()) return "a symbolic link: links are not followed";
  if (entry.isDirectory()) {
    const problem = readable(path);
    return problem ? `a folder that cannot be read (${problem})` : undefined;
  }
  if (!entry.isFile()) return "not a regular file (a FIFO, socket or device)";
  if (!isAnswerFileName(entry.name)) return "not an answer file (.yaml, .yml or .json)";
  const problem = readable(path);
  return problem ? `cannot be read (${problem})` : undefined;
}

export function discoverAnswerFiles(root: string): Discovery {
  const files: AnswerFileRef[] = [];
  const skipped: SkippedEntry[] = [];
  const pending = [root];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const relativePath = relative(root, path).split("\\").join("/");
      const reason = skipReason(entry, path);
      if (reason) skipped.push({ relativePath, reason });
      else if (entry.isDirectory()) pending.push(path);
      else files.push({ path, relativePath });
    }
  }
  const byPath = (a: { relativePath: string }, b: { relativePath: string }) =>
    a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0;
  return { files: files.sort(byPath), skipped: skipped.sort(byPath) };
}
