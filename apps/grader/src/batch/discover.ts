// Finds answer files under a folder, recursively, in a stable order (so reruns are identical).
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

export const ANSWER_EXTENSIONS = [".yaml", ".yml", ".json"] as const;

export interface AnswerFileRef {
  /** Absolute or cwd-relative path used to read the file. */
  path: string;
  /** Path relative to the batch folder, shown in reports. */
  relativePath: string;
}

export function discoverAnswerFiles(root: string): AnswerFileRef[] {
  const found: AnswerFileRef[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && ANSWER_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
        found.push({ path, relativePath: relative(root, path).split("\\").join("/") });
      }
    }
  };
  walk(root);
  return found.sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1));
}
