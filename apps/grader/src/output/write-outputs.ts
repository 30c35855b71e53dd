// Writes a batch's outputs. Every file is written atomically; the manifest and the gradebook go
// last, so an interrupted write leaves each file either as it was or complete.
import { join } from "node:path";
import { resultToJSON } from "@nnkit/grading";
import { writeFileAtomic } from "./atomic.js";
import { feedbackMarkdown } from "./feedback.js";
import { gradebookCsv } from "./gradebook.js";
import type { KeyedResult } from "./student-key.js";
import { summaryMarkdown } from "./summary.js";

export const MANIFEST_FILE = "batch.json";

/** What merge-manual needs to rebuild the outputs: which results file came from which answer file. */
export interface BatchManifest {
  assignment: string;
  entries: { key: string; file: string; duplicateOf?: string[] }[];
}

export function writeOutputs(outDir: string, assignment: string, results: readonly KeyedResult[]) {
  for (const r of results) {
    writeFileAtomic(join(outDir, "results", `${r.key}.json`), resultToJSON(r.result));
    writeFileAtomic(join(outDir, "feedback", `${r.key}.md`), feedbackMarkdown(r.result));
  }
  writeFileAtomic(join(outDir, "summary.md"), summaryMarkdown(results));
  const manifest: BatchManifest = {
    assignment,
    entries: results.map((r) => ({
      key: r.key,
      file: r.file.relativePath,
      ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}),
    })),
  };
  writeFileAtomic(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileAtomic(join(outDir, "gradebook.csv"), gradebookCsv(results));
}
