// Where each question starts in a YAML assignment file, so that validate's findings (which come
// from grading, after the file loaded) still point at a line the instructor can open.
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";

const YAML_EXTENSIONS = new Set([".yaml", ".yml"]);

/** Question id → 1-based line of its entry under `questions:`; empty for ES modules. */
export function questionLines(path: string): ReadonlyMap<string, number> {
  const lines = new Map<string, number>();
  if (!YAML_EXTENSIONS.has(extname(path).toLowerCase())) return lines;
  const lineCounter = new LineCounter();
  // The file has loaded already (and so is within the loader's size limit).
  const document = parseDocument(readFileSync(path, "utf8"), { lineCounter });
  const questions = isMap(document.contents) ? document.contents.get("questions", true) : undefined;
  if (!isSeq(questions)) return lines;
  for (const item of questions.items) {
    if (!isMap(item) || item.range === undefined || item.range === null) continue;
    const id = item.get("id", true);
    if (isScalar(id)) lines.set(String(id.value), lineCounter.linePos(item.range[0]).line);
  }
  return lines;
}
